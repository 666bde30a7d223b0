/**
 * ERP Integrations → Companies, as the accounting approver sees it: Ready to Export (accept with a vendor type
 * and ERP vendor ID, or reject with a comment), Exporting, and Failed to Export with the ERP's errors.
 * Rows are kept by request id across refreshes so that what the approver is typing survives the 2 s refresh.
 */
import { ApiFailure, call } from './api';
import { el } from './dom';
import { frame, loadPageData } from './layout';
import { errorText } from './scope';
import type { CompanyJson, MeJson, RequestJson } from './types';

const TOKEN = 'sandbox-approver';
const REFRESH_MS = 2000;
const VENDOR_TYPES = [
  ['subcontractor', 'Subcontractor'],
  ['supplier', 'Supplier'],
  ['consultant', 'Consultant'],
] as const;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-US') : '');

type Act = (request: RequestJson, path: 'accept' | 'reject', body: unknown, rowError: HTMLElement) => Promise<void>;

/** The page's sections, empty: Ready to Export (a table of rows to decide), Exporting, Failed to Export. */
function approverLayout(main: HTMLElement) {
  const parts = {
    announce: el('p', { role: 'status', class: 'announce' }),
    readyBody: el('tbody'),
    readyEmpty: el('p', { class: 'empty' }, 'No companies are waiting for export.'),
    readyCount: el('span', { class: 'count' }),
    exporting: el('ul', { class: 'request-list', 'aria-label': 'Exporting' }),
    failed: el('ul', { class: 'request-list', 'aria-label': 'Failed to Export' }),
    failedCount: el('span', { class: 'count' }),
  };
  const column = (text: string) => el('th', { scope: 'col' }, text);
  main.append(
    el('h1', {}, 'ERP Integrations'),
    el(
      'nav',
      { class: 'tabs', 'aria-label': 'ERP Integrations' },
      el('span', { class: 'tab tab--active', 'aria-current': 'page' }, 'Companies'),
    ),
    parts.announce,
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'ready-title' },
      el('h2', { id: 'ready-title' }, 'Ready to Export ', parts.readyCount),
      el(
        'table',
        { class: 'data-table approver-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            column('Company'),
            column('Sent by'),
            column('Sent'),
            column('Vendor type'),
            column('ERP vendor ID'),
            column('Accept'),
            column('Comment'),
            column('Reject'),
          ),
        ),
        parts.readyBody,
      ),
      parts.readyEmpty,
    ),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'exporting-title' },
      el('h2', { id: 'exporting-title' }, 'Exporting'),
      parts.exporting,
    ),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'failed-title' },
      el('h2', { id: 'failed-title' }, 'Failed to Export ', parts.failedCount),
      parts.failed,
    ),
  );
  return parts;
}
type Layout = ReturnType<typeof approverLayout>;

/** A request waiting for the approver: vendor type and ERP vendor ID to accept, a comment to reject. */
function readyRow(request: RequestJson, act: Act): HTMLTableRowElement {
  const name = request.item_name;
  const type = el(
    'select',
    { 'aria-label': `Vendor type for ${name}` },
    ...VENDOR_TYPES.map(([value, label]) => el('option', { value }, label)),
  );
  const erpId = el('input', { type: 'text', 'aria-label': `ERP vendor ID for ${name}`, autocomplete: 'off' });
  const comment = el('textarea', { 'aria-label': `Comment for ${name}`, rows: '1', placeholder: 'Enter a Comment' });
  const rowError = el('span', { role: 'alert', class: 'row-error' });
  const accept = el('button', { type: 'button', class: 'btn btn-primary' }, 'Accept');
  const reject = el('button', { type: 'button', class: 'btn btn-default' }, 'Reject');
  accept.addEventListener(
    'click',
    () => void act(request, 'accept', { vendor_type: type.value, erp_vendor_id: erpId.value }, rowError),
  );
  reject.addEventListener('click', () => void act(request, 'reject', { comment: comment.value }, rowError));
  return el(
    'tr',
    { 'data-request-id': String(request.id) },
    el('th', { scope: 'row' }, name, rowError),
    el('td', {}, request.sent_by.name),
    el('td', {}, when(request.created_at)),
    el('td', {}, type),
    el('td', {}, erpId),
    el('td', {}, accept),
    el('td', {}, comment),
    el('td', {}, reject),
  );
}

const fill = (list: HTMLUListElement, items: HTMLLIElement[]) =>
  list.replaceChildren(...(items.length > 0 ? items : [el('li', { class: 'empty' }, 'None')]));
const listItem = (request: RequestJson, detail: string) =>
  el('li', {}, el('strong', {}, request.item_name), ` — ${detail}`);

/** Shows the queue; rows already shown are kept, so what the approver is typing survives a refresh. */
function showQueue(parts: Layout, rows: Map<number, HTMLTableRowElement>, requests: RequestJson[], act: Act): void {
  const pending = requests.filter((r) => r.status === 'pending_acceptance').reverse();
  for (const [id, row] of rows) {
    if (!pending.some((r) => r.id === id)) {
      row.remove();
      rows.delete(id);
    }
  }
  for (const request of pending) {
    if (rows.has(request.id)) continue;
    const row = readyRow(request, act);
    rows.set(request.id, row);
    parts.readyBody.append(row);
  }
  parts.readyCount.textContent = `(${pending.length})`;
  parts.readyEmpty.hidden = pending.length > 0;
  fill(
    parts.exporting,
    requests
      .filter((r) => r.status === 'accepted')
      .map((r) =>
        listItem(
          r,
          `ERP vendor ID ${r.erp_vendor_id ?? ''}, accepted by ${r.decided_by?.name ?? ''} ${when(r.decided_at)}`,
        ),
      ),
  );
  const failures = requests.filter((r) => r.status === 'failed');
  parts.failedCount.textContent = `(${failures.length})`;
  fill(
    parts.failed,
    failures.map((r) => listItem(r, `${r.errors.join('; ')} (${when(r.updated_at)})`)),
  );
}

export async function approverPage(root: HTMLElement, companyId: number, signal: AbortSignal): Promise<void> {
  const data = await loadPageData(root, signal, 'Loading…', async () => {
    const [me, company] = await Promise.all([
      call<MeJson>(TOKEN, 'GET', '/me'),
      call<CompanyJson[]>(TOKEN, 'GET', '/companies').then((all) => all.find((c) => c.id === companyId)),
    ]);
    if (!company) throw new ApiFailure(404, 'Company not found');
    return { me, company };
  });
  if (!data) return;

  const parts = approverLayout(frame(root, { context: data.company.name, companyId, user: data.me.name, tool: 'erp' }));
  const rows = new Map<number, HTMLTableRowElement>();
  const act: Act = async (request, path, body, rowError) => {
    rowError.textContent = '';
    try {
      await call(TOKEN, 'POST', `/companies/${companyId}/erp/requests/${request.id}/${path}`, body, companyId);
      parts.announce.textContent = `${path === 'accept' ? 'Accepted' : 'Rejected'} ${request.item_name}`;
    } catch (error) {
      rowError.textContent = errorText(error);
    }
    await refresh();
  };
  const refresh = async () => {
    let requests: RequestJson[];
    try {
      requests = await call<RequestJson[]>(
        TOKEN,
        'GET',
        `/companies/${companyId}/erp/requests?filters[status][]=pending_acceptance&filters[status][]=accepted&filters[status][]=failed&per_page=1000`,
        undefined,
        companyId,
      );
    } catch (error) {
      parts.announce.textContent = errorText(error);
      return;
    }
    if (!signal.aborted) showQueue(parts, rows, requests, act);
  };

  await refresh();
  const timer = setInterval(() => void refresh(), REFRESH_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}
