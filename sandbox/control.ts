/** Test control, no auth: reset, fault switches, the call log, the exactly-once counter and the contract check. */
import { Hono } from 'hono';
import { parseFault } from './faults';
import type { Account } from './account';
import type { Traffic } from './traffic';

export function controlRoutes(account: Account, traffic: Traffic, reset: () => void): Hono {
  const control = new Hono();

  control.post('/reset', (c) => {
    reset();
    return c.json({ ok: true });
  });

  control.get('/faults', (c) => c.json(traffic.faults.list()));
  control.post('/faults', async (c) => {
    const body: unknown = await c.req.json().catch(() => null);
    const parsed = (Array.isArray(body) ? body : [body]).map(parseFault);
    const problem = parsed.find((p) => typeof p === 'string');
    if (problem !== undefined) return c.json({ message: problem }, 400);
    for (const fault of parsed) if (typeof fault !== 'string') traffic.faults.add(fault);
    return c.json(traffic.faults.list(), 201);
  });
  control.delete('/faults', (c) => {
    traffic.faults.clear();
    return c.json([]);
  });

  control.get('/log', (c) => c.json(traffic.log));
  control.delete('/log', (c) => {
    traffic.log.length = 0;
    return c.json([]);
  });

  control.get('/contract', (c) => c.json(traffic.contract));

  // The per-company switch for Procore's own ERP control on the vendor edit page (a customer without the ERP tool).
  control.post('/companies/:company/procore-erp-control', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { enabled?: unknown } | null;
    if (typeof body?.enabled !== 'boolean') return c.json({ message: 'Body must be { "enabled": true | false }' }, 400);
    const company = account.company(Number(c.req.param('company')));
    company.procoreErpControl = body.enabled;
    return c.json({ id: company.id, procore_erp_control: company.procoreErpControl });
  });

  control.get('/created', (c) =>
    c.json(account.created.map(({ companyId, ...request }) => ({ company_id: companyId, ...request }))),
  );
  return control;
}
