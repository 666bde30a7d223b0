/** Procore's page frame: the dark top bar with the company or project, the tool links and the signed-in user. */
import { el } from './dom';
import { pref } from './prefs';
import { directoryPath, erpIntegrationsPath } from './routes';
import { errorText } from './scope';
import { s } from './strings';

export interface Frame {
  context: string;
  companyId: number;
  user: string;
  tool: 'directory' | 'erp';
}

export function frame(root: HTMLElement, options: Frame): HTMLElement {
  const link = (tool: Frame['tool'], href: string, label: string) =>
    el('a', { href, class: 'tool-link', 'aria-current': options.tool === tool ? 'page' : undefined }, label);
  const main = el('main', { id: 'main', class: `page page--${pref('ui')}` });
  root.replaceChildren(
    el(
      'header',
      { class: 'app-header' },
      el('a', { href: '/', class: 'brand', 'aria-label': 'Procore home' }, 'procore'),
      el('span', { class: 'context', 'data-testid': 'header-context' }, options.context),
      el(
        'nav',
        { class: 'tools', 'aria-label': 'Tools' },
        link('directory', directoryPath('company', options.companyId), s('directory')),
        link('erp', erpIntegrationsPath(options.companyId), s('erpIntegrations')),
      ),
      el('span', { class: 'user' }, options.user),
    ),
    main,
  );
  return main;
}

/** The frame's header before data arrives, so a page never flashes blank. */
export function loadingFrame(root: HTMLElement, message: string): void {
  root.replaceChildren(
    el('header', { class: 'app-header' }, el('span', { class: 'brand' }, 'procore')),
    el('main', { class: 'page' }, el('p', { class: 'loading' }, message)),
  );
}

export function failure(root: HTMLElement, message: string): void {
  root.replaceChildren(el('main', { class: 'page' }, el('p', { role: 'alert', class: 'page-error' }, message)));
}

/**
 * A page's data: the loading frame while it comes, the error on the page if it fails. Null when it failed or the page
 * was left meanwhile (`signal`), so the caller renders only data for the page still shown.
 */
export async function loadPageData<T>(
  root: HTMLElement,
  signal: AbortSignal,
  message: string,
  load: () => Promise<T>,
): Promise<T | null> {
  loadingFrame(root, message);
  try {
    const data = await load();
    return signal.aborted ? null : data;
  } catch (error) {
    if (!signal.aborted) failure(root, errorText(error));
    return null;
  }
}
