import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { runChecks, type Target } from '../../../../scripts/conformance/checks';

/**
 * A server that gets the contract wrong in the ways a gateway might: a user id the document does not allow (0, which
 * the extension's schema would let through), any token goes, the settings lack a field, the list has no Link or ETag,
 * every send makes a new request, and retrieve never refuses.
 */
function wrongServer(): Promise<Server> {
  let nextId = 1;
  const request = (id: number, status = 'pending_acceptance') => ({
    id,
    item_type: 'vendor',
    item_id: 101,
    item_name: 'Acme Concrete',
    status,
    created_at: '2026-12-01T10:00:00Z',
    updated_at: '2026-12-01T10:00:00Z',
    sent_by: { id: 1, name: 'Alex Admin' },
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const path = url.pathname.replace('/rest/v1.0', '');
    if (path === '/me') return json(200, { id: 0, login: 'a@example.com', name: 'A' });
    if (path.endsWith('/erp/settings')) return json(200, { erp_system: 'viewpoint_vista' });
    if (path === '/settings/permissions') return json(200, { tools: [] });
    if (path.startsWith('/vendors/')) return json(404, { message: 'Not found' });
    if (path.endsWith('/retrieve')) return json(200, request(1, 'retrieved'));
    if (path.endsWith('/erp/requests') && req.method === 'POST') return json(201, request(nextId++));
    if (path.endsWith('/erp/requests'))
      return json(200, [request(2), request(1)].slice(0, 1), { Total: '2', 'Per-Page': '1' });
    return json(404, { message: 'Not found' });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the conformance checks', () => {
  let sandbox: Sandbox;
  let wrong: Server;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    wrong = await wrongServer();
  });
  afterAll(async () => {
    await sandbox.close();
    await new Promise((done) => wrong.close(done));
  });

  const full = (url: string): Target => ({
    url,
    token: 'sandbox-token',
    companyId: 8001,
    vendorId: 101,
    failingVendorId: 102,
    write: true,
  });

  it('pass against the sandbox, writes included', async () => {
    const results = await runChecks(full(sandbox.url));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(11);
  });

  it('read only unless told to write: no send reaches the server', async () => {
    sandbox.reset();
    const results = await runChecks({ ...full(sandbox.url), write: false });
    expect(results.map((r) => r.name)).not.toContainEqual(expect.stringMatching(/send|retrieve/));
    const created = await (await fetch(`${sandbox.url}/__sandbox/created`)).json();
    expect(created).toEqual([]);
  });

  it('fail a wrong server with the reason for each thing it gets wrong', async () => {
    const { port } = wrong.address() as AddressInfo;
    const results = await runChecks(full(`http://127.0.0.1:${port}`));
    const failed = Object.fromEntries(results.filter((r) => !r.ok).map((r) => [r.name, r.detail]));
    expect(failed).toEqual({
      'GET /me answers the signed-in user':
        'not as the contract document says: GET /rest/v1.0/me 200: body/id must be >= 1',
      'a bad token is refused with 401': 'HTTP 200, expected 401',
      "the company's ERP settings": expect.stringContaining("does not have the contract's shape"),
      'the vendor, with company_id in the query or only in Procore-Company-Id': expect.stringContaining('HTTP 404'),
      'the request list: each item, Total, Per-Page and Link to the next page':
        'Total 2 with per_page=1, but no Link rel="next"',
      'the request list answers 304 to its own ETag': 'no ETag on the list',
      'a send, and the same Idempotency-Key again: the same request, never a second':
        'the same key gave another answer',
      'a second send while one waits, with a new key: 409': 'HTTP 201, expected 409',
      'retrieve takes it back, then answers 409': 'a second retrieve answered HTTP 200, expected 409',
      'a vendor that breaks the export rules: 422 with errors': 'HTTP 201, expected 422',
    });
    expect(results.find((r) => r.name.startsWith("Procore's permission manifest"))?.ok).toBe(true);
  });
});
