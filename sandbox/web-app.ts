/**
 * The endpoints of Procore's own web app that its pages call, apart from the integration API: Procore's ERP control
 * on the vendor edit page (its state, its Send / Re-send and Retrieve). Signed in with the page's token; no
 * Idempotency-Key, no call log, no faults: this is Procore's page talking to Procore.
 */
import { Hono, type Context } from 'hono';
import type { Account } from './account';
import { id, signedIn, type Env } from './api';
import { notFound } from './problem';
import { procoreErpControl } from './procore-erp';

export function webAppRoutes(account: Account): Hono<Env> {
  const web = new Hono<Env>();
  web.use('*', signedIn(account));

  const control = (c: Context<Env>) => {
    const projectId = c.req.query('project_id');
    return c.json(
      procoreErpControl(
        account,
        id(c, 'company'),
        id(c, 'vendor'),
        c.get('user'),
        projectId === undefined ? undefined : Number(projectId),
      ),
    );
  };

  web.get('/companies/:company/vendors/:vendor/erp_control', control);
  web.post('/companies/:company/vendors/:vendor/send_to_erp', (c) => {
    account.sendFromPage(id(c, 'company'), id(c, 'vendor'), c.get('user'));
    return control(c);
  });
  web.post('/companies/:company/vendors/:vendor/retrieve_from_erp', (c) => {
    const companyId = id(c, 'company');
    const latest = account.latestRequest(companyId, id(c, 'vendor'));
    if (!latest) throw notFound('Request');
    account.retrieve(companyId, latest.id, c.get('user'));
    return control(c);
  });
  return web;
}
