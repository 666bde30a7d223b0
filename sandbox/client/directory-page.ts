/** The Directory's company list, with an "Edit" link per vendor (company level or project level). */
import { call, pageToken } from './api';
import { el } from './dom';
import { frame, loadPageData } from './layout';
import { vendorEditPath, type Route } from './routes';
import { scopeOf } from './scope';
import { s } from './strings';
import type { MeJson, VendorJson } from './types';

type DirectoryRoute = Extract<Route, { page: 'directory' }>;

export async function directoryPage(root: HTMLElement, route: DirectoryRoute, signal: AbortSignal): Promise<void> {
  const token = pageToken();
  const data = await loadPageData(root, signal, s('loading'), async () => {
    const scope = await scopeOf(route.level, route.scopeId);
    const [me, vendors] = await Promise.all([
      call<MeJson>(token, 'GET', '/me'),
      call<VendorJson[]>(
        token,
        'GET',
        `/vendors?company_id=${scope.companyId}&per_page=1000`,
        undefined,
        scope.companyId,
      ),
    ]);
    return { ...scope, me, vendors };
  });
  if (!data) return;
  const main = frame(root, { context: data.context, companyId: data.companyId, user: data.me.name, tool: 'directory' });
  const rows = data.vendors.map((vendor) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, vendor.name),
      el('td', {}, vendor.city),
      el('td', {}, vendor.is_active ? s('active') : s('inactive')),
      el('td', {}, vendor.origin_code ?? ''),
      el(
        'td',
        {},
        el('a', { href: vendorEditPath(route.level, route.scopeId, vendor.id), class: 'row-action' }, s('edit')),
      ),
    ),
  );
  main.append(
    el('h1', {}, s('directory')),
    el(
      'nav',
      { class: 'tabs', 'aria-label': s('directory') },
      el('span', { class: 'tab tab--active', 'aria-current': 'page' }, s('companies')),
    ),
    el(
      'section',
      { class: 'card' },
      el(
        'table',
        { class: 'data-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, s('name')),
            el('th', { scope: 'col' }, s('city')),
            el('th', { scope: 'col' }, s('status')),
            el('th', { scope: 'col' }, s('erpVendorId')),
            el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, s('edit'))),
          ),
        ),
        el('tbody', {}, ...rows),
      ),
    ),
  );
}
