/**
 * Everything the in-page control needs about one vendor (`VendorView`): its company (a project page asks the API),
 * the saved vendor, the integration's settings, the admin's permission (the project's Directory on a project page),
 * and every request for it, newest first. Settings and permission change rarely, so they are kept for a minute per
 * company (and per project); the vendor and its requests are always fresh.
 */
import type { ErpRequest, ErpSettings, PermissionLevel } from '@/lib/contract/api-bodies';
import { fail, ok, type Result } from '@/lib/contract/errors';
import type { VendorView } from '@/lib/contract/messages';
import { newestFirst } from '@/lib/erp/latest-request';
import type { PageRef } from '@/lib/procore/page-url';
import type { ApiClient } from './api/client';
import { toUserError } from './api/api-error';

export const COMPANY_CACHE_MS = 60_000;

export interface VendorViewsDeps {
  api: () => Promise<Result<ApiClient>>;
  /** Every request learned of is tracked (`tracking.ts`), after the view is answered. */
  record: (companyId: number, requests: ErpRequest[]) => Promise<void>;
  now?: () => number;
}

export interface VendorViews {
  /** The company a page belongs to (a project page's company comes from the API, once). */
  companyOf(page: PageRef): Promise<Result<number>>;
  /** `projectId`: the page is the project's Directory, where the admin's level may differ from the company's. */
  view(
    companyId: number,
    vendorId: number,
    opts: { refresh: boolean; projectId?: number },
  ): Promise<Result<VendorView>>;
}

export function createVendorViews({ api, record, now = Date.now }: VendorViewsDeps): VendorViews {
  const projects = new Map<number, number>();
  /** By company, and by project for a project page's permission: `8001` or `8001/501`. */
  const facts = new Map<string, { at: number; settings: ErpSettings; permission: PermissionLevel }>();

  const scopeFacts = async (client: ApiClient, companyId: number, projectId: number | undefined, refresh: boolean) => {
    const key = projectId === undefined ? String(companyId) : `${companyId}/${projectId}`;
    const cached = facts.get(key);
    if (cached && !refresh && now() - cached.at < COMPANY_CACHE_MS) return cached;
    const [settings, permission] = await Promise.all([
      client.settings(companyId),
      client.permission(companyId, projectId),
    ]);
    const fresh = { at: now(), settings, permission };
    facts.set(key, fresh);
    return fresh;
  };

  return {
    async companyOf(page) {
      if (page.level === 'company') return ok(page.companyId);
      const known = projects.get(page.projectId);
      if (known !== undefined) return ok(known);
      const client = await api();
      if (!client.ok) return client;
      try {
        const project = await client.value.project(page.projectId);
        projects.set(page.projectId, project.company.id);
        return ok(project.company.id);
      } catch (err) {
        return fail(toUserError(err));
      }
    },

    async view(companyId, vendorId, { refresh, projectId }) {
      const client = await api();
      if (!client.ok) return client;
      try {
        const [known, vendor, list] = await Promise.all([
          scopeFacts(client.value, companyId, projectId, refresh),
          client.value.vendor(companyId, vendorId),
          client.value.listRequests(companyId, { itemId: vendorId }),
        ]);
        const history = [...list.requests].sort(newestFirst);
        // The page has its answer first: recording reads and writes every tracked request, tens of milliseconds
        // with a thousand of them in a worker just woken. What was learnt is tracked a moment later.
        void record(companyId, history).catch((err: unknown) =>
          console.error('[erp-resend] the requests of a vendor page were not tracked', err),
        );
        return ok({
          companyId,
          vendorId,
          vendor,
          settings: known.settings,
          permission: known.permission,
          latest: history[0] ?? null,
          history,
        });
      } catch (err) {
        return fail(toUserError(err));
      }
    },
  };
}
