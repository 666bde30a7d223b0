/**
 * The Directory's company list, with an "Edit" link per vendor (company level or project level), a search box, sorting
 * by name and pages of `PAGE_SIZE`, as Procore's: every change draws the rows anew, as its app re-renders them.
 */
import { call, pageToken } from './api';
import { FIRST_PAGE, listPage, type ListState } from './directory-list';
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
  main.append(
    el('h1', {}, s('directory')),
    el(
      'nav',
      { class: 'tabs', 'aria-label': s('directory') },
      el('span', { class: 'tab tab--active', 'aria-current': 'page' }, s('companies')),
    ),
    companyList(data.vendors, (vendor) => vendorEditPath(route.level, route.scopeId, vendor.id)),
  );
}

function vendorRow(vendor: VendorJson, editPath: string): HTMLTableRowElement {
  return el(
    'tr',
    {},
    el('th', { scope: 'row' }, vendor.name),
    el('td', {}, vendor.city),
    el('td', {}, vendor.is_active ? s('active') : s('inactive')),
    el('td', {}, vendor.origin_code ?? ''),
    el('td', {}, el('a', { href: editPath, class: 'row-action' }, s('edit'))),
  );
}

/** The list's card: search, the table and its pager, drawn again from `state` on every search, sort or page turn. */
function companyList(vendors: VendorJson[], editPath: (vendor: VendorJson) => string): HTMLElement {
  let state: ListState = FIRST_PAGE;
  const search = el('input', { type: 'search', 'aria-label': s('searchCompanies'), placeholder: s('searchCompanies') });
  const sortButton = el('button', { type: 'button', class: 'sort' }, s('name'));
  const nameHeader = el('th', { scope: 'col' }, sortButton);
  const body = el('tbody', {});
  const previous = el('button', { type: 'button' }, s('previousPage'));
  const next = el('button', { type: 'button' }, s('nextPage'));
  const position = el('span', { 'aria-live': 'polite' });
  const empty = el('p', { class: 'empty', hidden: true }, s('noMatches'));

  const draw = (change: Partial<ListState>) => {
    state = { ...state, ...change };
    const shown = listPage(vendors, state);
    state = { ...state, page: shown.page };
    body.replaceChildren(...shown.rows.map((vendor) => vendorRow(vendor, editPath(vendor))));
    nameHeader.setAttribute('aria-sort', state.sort);
    position.textContent = s('pageOf').replace('{page}', String(shown.page)).replace('{pages}', String(shown.pages));
    previous.disabled = shown.page <= 1;
    next.disabled = shown.page >= shown.pages;
    empty.hidden = shown.matching > 0;
  };
  search.addEventListener('input', () => draw({ query: search.value, page: 1 }));
  sortButton.addEventListener('click', () =>
    draw({ sort: state.sort === 'ascending' ? 'descending' : 'ascending', page: 1 }),
  );
  previous.addEventListener('click', () => draw({ page: state.page - 1 }));
  next.addEventListener('click', () => draw({ page: state.page + 1 }));
  draw({});

  const header = el(
    'tr',
    {},
    nameHeader,
    el('th', { scope: 'col' }, s('city')),
    el('th', { scope: 'col' }, s('status')),
    el('th', { scope: 'col' }, s('erpVendorId')),
    el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, s('edit'))),
  );
  return el(
    'section',
    { class: 'card' },
    el('div', { class: 'list-tools' }, search),
    el('table', { class: 'data-table' }, el('thead', {}, header), body),
    empty,
    el('nav', { class: 'pager', 'aria-label': s('companies') }, previous, position, next),
  );
}
