// @vitest-environment happy-dom
/** The sandbox's client app in a DOM, against the real sandbox: what the extension and the e2e tests rely on in its pages. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';

let sandbox: Sandbox;
const page = () => (window as unknown as { sandboxPage: { navigate(url: string): void } }).sandboxPage;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, syncDelayMs: 40 });
  (globalThis as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    `${sandbox.url}/8001/company/directory`,
  );
  document.body.append(Object.assign(document.createElement('div'), { id: 'app' }));
  await import('../../../../sandbox/client/main');
});
afterAll(async () => {
  page().navigate('/nowhere');
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
  sessionStorage.clear();
});

async function waitFor<T>(find: () => T | null | undefined | false, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the page');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An input's label the ways a screen reader finds it: aria-label, aria-labelledby, label[for], wrapping label. */
function labelOf(input: Element): string {
  const labelledBy = input.getAttribute('aria-labelledby');
  const text =
    input.getAttribute('aria-label') ??
    (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
    (input.id ? document.querySelector(`label[for="${input.id}"]`)?.textContent : null) ??
    input.closest('label')?.querySelector('span')?.textContent;
  return (text ?? '').trim();
}

const fieldLabels = () => [...document.querySelectorAll('form input:not([type=submit])')].map(labelOf);
const buttonText = (b: Element) => (b instanceof HTMLInputElement ? b.value : (b.textContent ?? '').trim());
const formButtons = () => [...document.querySelectorAll('form button, form input[type=submit]')].map(buttonText);
const statusText = () =>
  [...document.querySelectorAll<HTMLElement>('[role=status]')].filter((s) => !s.hidden).map((s) => s.textContent);
const inputLabelled = (label: string) =>
  [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')].find((input) => labelOf(input) === label);
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${sandbox.url}/rest/v1.0${path}`, {
    ...init,
    headers: { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json', ...init.headers },
  }).then((r) => r.json() as Promise<Record<string, unknown>>);

const ENGLISH = [
  'Name',
  'Abbreviated Name',
  'Address',
  'City',
  'State',
  'ZIP Code',
  'Country',
  'Business Phone',
  'Email Address',
];

it('renders the classic company-level form with label-for fields, Cancel and a Save button', async () => {
  page().navigate('/8001/company/directory/vendors/101/edit');
  await waitFor(() => document.querySelector('#vendor-edit-form'));
  expect(fieldLabels()).toEqual(ENGLISH);
  // Summit Builders has Procore's ERP Integrations tool: its own control comes first in the row.
  expect(formButtons()).toEqual(['+ Send to ERP', 'Cancel', 'Save']);
  expect(document.querySelector('form button[type=submit]')?.textContent).toBe('Save');
  expect(inputLabelled('Name')?.value).toBe('Acme Concrete');
  expect(statusText()).toEqual([]);
});

it('saves with PATCH, re-renders the form and says Saved', async () => {
  page().navigate('/8001/company/directory/vendors/101/edit?ui=classic');
  const form = await waitFor(() => document.querySelector('form'));
  (inputLabelled('City') as HTMLInputElement).value = 'Boulder';
  form.requestSubmit();
  await waitFor(() => statusText().includes('Saved'));
  expect(document.querySelector('form')).not.toBe(form);
  expect(inputLabelled('City')?.value).toBe('Boulder');
  expect((await api('/vendors/101?company_id=8001')).city).toBe('Boulder');
});

it('Cancel goes back to the directory, whose Edit links navigate without a page load', async () => {
  page().navigate('/8001/company/directory/vendors/101/edit');
  await waitFor(() => document.querySelector('form'));
  [...document.querySelectorAll<HTMLButtonElement>('form button')].find((b) => b.textContent === 'Cancel')?.click();
  await waitFor(() => document.querySelectorAll('tbody tr').length === 12);
  expect(location.pathname).toBe('/8001/company/directory');
  const ridge = [...document.querySelectorAll('tbody tr')].find((row) => row.textContent?.includes('Ridge Roofing'));
  const edit = ridge?.querySelector('a') as HTMLAnchorElement;
  expect(edit.textContent).toBe('Edit');
  const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
  edit.dispatchEvent(click);
  expect(click.defaultPrevented).toBe(true);
  expect(location.pathname).toBe('/8001/company/directory/vendors/106/edit');
  await waitFor(() => inputLabelled('Name')?.value === 'Ridge Roofing');
});

it("the Directory's list pages, searches and sorts, drawing its rows anew each time", async () => {
  page().navigate('/8005/company/directory');
  const rowNames = () => [...document.querySelectorAll('tbody tr th')].map((th) => th.textContent);
  await waitFor(() => rowNames().length === 20);
  const firstRow = document.querySelector('tbody tr');
  const button = (text: string) =>
    [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === text)!;
  expect(document.querySelector('.pager')?.textContent).toContain('Page 1 of 3');
  expect(button('Previous').disabled).toBe(true);
  button('Next').click();
  button('Next').click();
  expect(rowNames()).toHaveLength(5);
  expect(rowNames().at(-1)).toBe('Zinc Z-Metals');
  expect(button('Next').disabled).toBe(true);

  const search = inputLabelled('Search companies')!;
  search.value = 'REDWOOD';
  search.dispatchEvent(new Event('input'));
  expect(rowNames()).toEqual(['Redwood Roofing']);
  search.value = '';
  search.dispatchEvent(new Event('input'));
  button('Name').click();
  expect(document.querySelector('thead th')?.getAttribute('aria-sort')).toBe('descending');
  expect(rowNames().slice(0, 2)).toEqual(['Zinc Z-Metals', 'Yew Yardworks']);
  expect(document.querySelector('tbody tr')).not.toBe(firstRow);
});

it('signs in as the viewer with ?as=viewer, whose Save is refused with a message', async () => {
  page().navigate('/8001/company/directory/vendors/101/edit?as=viewer');
  const form = await waitFor(() => document.querySelector('form'));
  form.requestSubmit();
  const alert = await waitFor(() =>
    [...document.querySelectorAll<HTMLElement>('[role=alert]')].find((a) => !a.hidden && a.textContent),
  );
  expect(alert.textContent).toBe('You need Admin permission on the Directory tool.');
  expect(statusText()).toEqual([]);
  page().navigate('/8001/company/directory?as=admin');
});

it('shows the project in the project-level page and edits the company’s vendor', async () => {
  page().navigate('/501/project/directory/vendors/102/edit');
  await waitFor(() => document.querySelector('form'));
  expect(document.querySelector('[data-testid=header-context]')?.textContent).toContain('Riverside Tower');
  expect(inputLabelled('Name')?.value).toHaveLength(64);
});

it('renders the beta markup late: wrapping labels, aria-label, aria-labelledby, input type=submit, required stars', async () => {
  page().navigate('/8001/company/directory/vendors/101/edit?ui=beta');
  await waitFor(() => document.querySelector('h1'));
  expect(document.querySelector('form')).toBeNull();
  await waitFor(() => document.querySelector('input[type=submit]'));
  expect(fieldLabels()).toEqual([
    'Name *',
    'Abbreviated Name',
    'Address *',
    'City *',
    'State',
    'ZIP Code',
    'Country',
    'Business Phone',
    'Email Address',
  ]);
  expect(inputLabelled('Name *')?.closest('label')).not.toBeNull();
  expect(inputLabelled('State')?.getAttribute('aria-labelledby')).toBeTruthy();
  expect(inputLabelled('Business Phone')?.getAttribute('aria-label')).toBe('Business Phone');
  // Procore's own ERP control comes after the form, on the beta page, first in the row.
  await waitFor(() => formButtons().length === 3);
  expect(formButtons()).toEqual(['+ Send to ERP', 'Cancel', 'Save']);
  expect(document.querySelector('#vendor-edit-form, .btn')).toBeNull();
  page().navigate('/8001/company/directory/vendors/101/edit?ui=classic');
  await waitFor(() => document.querySelector('#vendor-edit-form'));
});

it('speaks Spanish with ?lang=es', async () => {
  page().navigate('/8001/company/directory/vendors/101/edit?lang=es');
  await waitFor(() => document.querySelector('form'));
  expect(fieldLabels()).toEqual([
    'Nombre',
    'Nombre abreviado',
    'Dirección',
    'Ciudad',
    'Estado',
    'Código postal',
    'País',
    'Teléfono comercial',
    'Correo electrónico',
  ]);
  await waitFor(() => formButtons().includes('+ Enviar a ERP'));
  expect(formButtons()).toEqual(['+ Enviar a ERP', 'Cancelar', 'Guardar']);
  expect(document.documentElement.lang).toBe('es');
});

it('shows API text as text, never as HTML', async () => {
  await api('/vendors/108?company_id=8001', {
    method: 'PATCH',
    body: JSON.stringify({ name: '<img src=x onerror=alert(1)>' }),
  });
  page().navigate('/8001/company/directory');
  await waitFor(() => document.querySelectorAll('tbody tr').length === 12);
  expect(document.querySelector('tbody')?.textContent).toContain('<img src=x onerror=alert(1)>');
  expect(document.querySelector('tbody img')).toBeNull();
});

it('lets the approver accept a pending request from its row, and lists failed exports', async () => {
  page().navigate('/8001/company/erp_integrations');
  const row = await waitFor(() =>
    [...document.querySelectorAll('tbody tr')].find((r) => r.textContent?.includes('Pioneer Plumbing')),
  );
  const within = (selector: string) => [...row.querySelectorAll<HTMLElement>(selector)];
  expect(within('select, input, textarea').map(labelOf)).toEqual([
    'Vendor type for Pioneer Plumbing',
    'ERP vendor ID for Pioneer Plumbing',
    'Comment for Pioneer Plumbing',
  ]);
  expect(within('option').map((o) => o.textContent)).toEqual(['Subcontractor', 'Supplier', 'Consultant']);
  expect(within('button').map((b) => b.textContent)).toEqual(['Accept', 'Reject']);
  (row.querySelector('input') as HTMLInputElement).value = 'V-1007';
  within('button')[0]?.click();
  await waitFor(() => !row.isConnected);
  await waitFor(() => document.body.textContent?.includes('ERP vendor ID V-1007 is already in use'), 4000);
  const log = (await fetch(`${sandbox.url}/__sandbox/log`).then((r) => r.json())) as { method: string; path: string }[];
  expect(log.find((entry) => entry.method === 'POST')).toMatchObject({
    path: '/rest/v1.0/companies/8001/erp/requests/4/accept',
    token: 'sandbox-approver',
    fromPage: true,
  });
});

describe("Procore's own ERP control", () => {
  const erpButton = () =>
    [...document.querySelectorAll<HTMLButtonElement>('form button')].find((b) => /ERP/.test(b.textContent ?? ''));
  const created = async () => (await (await fetch(`${sandbox.url}/__sandbox/created`)).json()) as { item_id: number }[];

  it('sends through the web app, with no Idempotency-Key and no integration API call, then offers Retrieve', async () => {
    page().navigate('/8001/company/directory/vendors/101/edit');
    const send = await waitFor(() => erpButton());
    expect(send.disabled).toBe(false);
    const before = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as unknown[];
    send.click();
    await waitFor(() => erpButton()?.textContent === 'Retrieve from ERP');
    expect(document.querySelector('.erp-status')?.textContent).toBe('Pending acceptance');
    expect((await created()).map((r) => r.item_id)).toEqual([101]);
    const log = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as { method: string }[];
    expect(log.slice(before.length).filter((entry) => entry.method === 'POST')).toEqual([]);

    erpButton()?.click();
    await waitFor(() => erpButton()?.textContent === '+ Send to ERP');
    expect(document.querySelector('.erp-status')?.textContent).toBe('Retrieved');
  });

  it('is grayed with only Procore’s generic "?" when its own checks fail (a name over the ERP’s limit)', async () => {
    page().navigate('/8001/company/directory/vendors/102/edit');
    const send = await waitFor(() => erpButton());
    expect(send.disabled).toBe(true);
    expect(document.querySelector('.erp-help')?.getAttribute('title')).toMatch(/^Typically, it's because/);
  });

  it('shows the state of each request: Re-send after a rejection, nothing but green once synced', async () => {
    page().navigate('/8001/company/directory/vendors/106/edit');
    await waitFor(() => erpButton()?.textContent === '+ Re-send to ERP');
    expect(document.querySelector('.erp-status-yellow')?.textContent).toBe('Rejected');
    page().navigate('/8001/company/directory/vendors/107/edit');
    await waitFor(() => document.querySelector('.erp-status-green'));
    expect(erpButton()).toBeUndefined();
  });

  it('is not on the page of a company whose switch is off, nor a company without the tool', async () => {
    page().navigate('/8002/company/directory/vendors/201/edit');
    await waitFor(() => document.querySelector('form'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(formButtons()).toEqual(['Cancel', 'Save']);
    await fetch(`${sandbox.url}/__sandbox/companies/8001/procore-erp-control`, {
      method: 'POST',
      body: JSON.stringify({ enabled: false }),
    });
    page().navigate('/8001/company/directory/vendors/101/edit');
    await waitFor(() => document.querySelector('form'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(formButtons()).toEqual(['Cancel', 'Save']);
  });

  it('speaks a language the extension does not read with ?erplabels=de', async () => {
    page().navigate('/8001/company/directory/vendors/101/edit?erplabels=de');
    await waitFor(() => erpButton()?.textContent === '+ An ERP senden');
  });
});
