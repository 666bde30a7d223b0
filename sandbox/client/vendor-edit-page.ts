/**
 * The vendor edit page, company level and project level (a project page finds its company through the project).
 * Save PATCHes the vendor, re-renders the form as React would, and says "Saved"; Cancel returns to the directory.
 */
import { exportSettings } from '../../lib/erp/export-settings';
import { call, pageToken } from './api';
import { el, sleep } from './dom';
import { frame, loadPageData } from './layout';
import { pref } from './prefs';
import { directoryPath, type Route } from './routes';
import { s } from './strings';
import { navigate } from './navigation';
import { errorText, scopeOf } from './scope';
import type { MeJson, SettingsJson, VendorJson } from './types';
import { buildVendorForm } from './vendor-form';
import { loadProcoreErpControl, procoreErpSlot, type ProcoreErpPlace } from './procore-erp-control';

type EditRoute = Extract<Route, { page: 'vendorEdit' }>;
/** The redesigned Directory renders its form late; the extension must wait for it. */
const BETA_RENDER_DELAY_MS = 300;

/** The fields the form marks required: the name, and every field the export rules say must be present. */
const requiredFields = (settings: SettingsJson): Set<string> =>
  new Set([
    'name',
    ...Object.entries(exportSettings(settings).rules)
      .filter(([, rules]) => rules.some((r) => r.validator === 'present'))
      .map(([f]) => f),
  ]);

/** The page around the form: breadcrumbs, heading, the "Saved" and error lines, and the card the form goes in. */
function editLayout(main: HTMLElement, route: EditRoute, vendorName: string) {
  const saved = el('p', { role: 'status', class: 'save-status', hidden: true });
  const problem = el('p', { role: 'alert', class: 'save-error', hidden: true });
  const card = el(
    'section',
    { class: 'card', 'aria-labelledby': 'page-title' },
    el('p', { class: 'loading' }, s('loading')),
  );
  main.append(
    el(
      'nav',
      { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
      el('a', { href: directoryPath(route.level, route.scopeId) }, s('directory')),
      ' › ',
      vendorName,
    ),
    el('h1', { id: 'page-title' }, s('editCompany')),
    saved,
    problem,
    card,
  );
  return { saved, problem, card };
}

/** What the page needs before it draws: the user, the saved vendor, the ERP settings, Procore's ERP control's state. */
async function loadEditData(route: EditRoute) {
  const token = pageToken();
  const scope = await scopeOf(route.level, route.scopeId);
  const { companyId } = scope;
  const place: ProcoreErpPlace = {
    companyId,
    vendorId: route.vendorId,
    ...(route.level === 'project' ? { projectId: route.scopeId } : {}),
  };
  const [me, vendor, settings, erp] = await Promise.all([
    call<MeJson>(token, 'GET', '/me'),
    call<VendorJson>(token, 'GET', `/vendors/${route.vendorId}?company_id=${companyId}&view=erp`, undefined, companyId),
    call<SettingsJson>(token, 'GET', `/companies/${companyId}/erp/settings`, undefined, companyId),
    // The classic page has Procore's ERP control with the form; the beta one loads it after (below).
    pref('ui') === 'beta' ? null : loadProcoreErpControl(place),
  ]);
  return { ...scope, me, vendor, settings, erp, place };
}

export async function vendorEditPage(root: HTMLElement, route: EditRoute, signal: AbortSignal): Promise<void> {
  const token = pageToken();
  const data = await loadPageData(root, signal, s('loading'), () => loadEditData(route));
  if (!data) return;
  const { companyId } = data;
  const variant = pref('ui');
  const required = requiredFields(data.settings);

  const main = frame(root, { context: data.context, companyId, user: data.me.name, tool: 'directory' });
  const { saved, problem, card } = editLayout(main, route, data.vendor.name);

  const mount = (vendor: VendorJson) => {
    const built = buildVendorForm(variant, {
      vendor,
      required,
      onCancel: () => navigate(directoryPath(route.level, route.scopeId)),
      onSave: () => void save(built.values(), built.form),
    });
    built.form.addEventListener('input', () => (saved.hidden = true));
    card.replaceChildren(built.form);
    procore.drawIn(built.actions);
  };
  // Procore's own ERP control, first in the row of Cancel and Save.
  const procore = procoreErpSlot(data.place, variant, data.erp);

  const save = async (values: Record<string, string>, form: HTMLFormElement) => {
    form.setAttribute('aria-busy', 'true');
    problem.hidden = true;
    try {
      const vendor = await call<VendorJson>(
        token,
        'PATCH',
        `/vendors/${route.vendorId}?company_id=${companyId}`,
        { vendor: values },
        companyId,
      );
      if (signal.aborted) return;
      mount(vendor);
      saved.textContent = s('saved');
      saved.hidden = false;
    } catch (error) {
      form.removeAttribute('aria-busy');
      problem.textContent = errorText(error);
      problem.hidden = false;
    }
  };

  if (variant === 'beta') await sleep(BETA_RENDER_DELAY_MS);
  if (signal.aborted) return;
  mount(data.vendor);
  // The beta page draws Procore's ERP control only once its own call answers: after the form, as the redesign does.
  if (!procore.loaded) await procore.load(signal);
}
