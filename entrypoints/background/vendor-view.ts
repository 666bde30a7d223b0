/**
 * Everything the in-page control needs about one vendor (`VendorView`): its company (a project page asks the API),
 * the saved vendor, the integration's settings, the admin's permission (the project's Directory on a project page),
 * and every request for it, newest first. Settings and permission change rarely, so they are kept for a minute per
 * company (and per project); the vendor and its requests are always fresh.
 */
import type { ErpRequest, PermissionLevel } from '@/lib/contract/api-bodies';
import type { ErpSettings } from '@/lib/erp/export-settings';
import { fail, ok, type Result } from '@/lib/contract/errors';
import type { VendorView } from '@/lib/contract/messages';
import { newestFirst } from '@/lib/erp/latest-request';
import type { DirectoryRef } from '@/lib/procore/page-url';
import type { ApiClient } from './api/client';
import { afterAnswer } from './after-answer';
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
  companyOf(page: DirectoryRef): Promise<Result<number>>;
  /** `projectId`: the page is the project's Directory, where the admin's level may differ from the company's. */
  view(
    companyId: number,
    vendorId: number,
    opts: { refresh: boolean; projectId?: number },
  ): Promise<Result<VendorView>>;
  /** The saved vendor with its company's settings and the admin's permission, without its requests (known already). */
  saved(companyId: number, vendorId: number): Promise<Result<SavedVendor>>;
}

export type SavedVendor = Pick<VendorView, 'vendor' | 'settings' | 'permission'>;

type Cached<T> = { at: number; value: T };

/** The value kept for `key` while it is under a minute old, unless `refresh`; else loaded and kept. */
async function keptValue<K, T>(
  cache: Map<K, Cached<T>>,
  key: K,
  refresh: boolean,
  load: () => Promise<T>,
  now: () => number,
): Promise<T> {
  const cached = cache.get(key);
  if (cached && !refresh && now() - cached.at < COMPANY_CACHE_MS) return cached.value;
  const value = await load();
  cache.set(key, { at: now(), value });
  return value;
}

export function createVendorViews({ api, record, now = Date.now }: VendorViewsDeps): VendorViews {
  const projects = new Map<number, number>();
  const settingsCache = new Map<number, Cached<ErpSettings>>();
  /** By company, or by project for a project page: `8001` or `8001/501`. */
  const permissionCache = new Map<string, Cached<PermissionLevel>>();

  const kept = <K, T>(cache: Map<K, Cached<T>>, key: K, refresh: boolean, load: () => Promise<T>) =>
    keptValue(cache, key, refresh, load, now);

  const savedWith = async (
    client: ApiClient,
    ids: { companyId: number; vendorId: number; projectId?: number },
    refresh: boolean,
  ): Promise<SavedVendor> => {
    const { companyId, vendorId, projectId } = ids;
    const scope = projectId === undefined ? String(companyId) : `${companyId}/${projectId}`;
    const [settings, permission, vendor] = await Promise.all([
      kept(settingsCache, companyId, refresh, () => client.settings(companyId)),
      kept(permissionCache, scope, refresh, () => client.permission(companyId, projectId)),
      client.vendor(companyId, vendorId),
    ]);
    return { settings, permission, vendor };
  };

  return {
    async saved(companyId, vendorId) {
      const client = await api();
      if (!client.ok) return client;
      try {
        return ok(await savedWith(client.value, { companyId, vendorId }, false));
      } catch (err) {
        return fail(toUserError(err));
      }
    },

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
        const [{ settings, permission, vendor }, list] = await Promise.all([
          savedWith(client.value, { companyId, vendorId, projectId }, refresh),
          client.value.listRequests(companyId, { itemId: vendorId }),
        ]);
        const history = [...list.requests].sort(newestFirst);
        // The page has its answer first: recording reads, checks and writes every tracked request, tens of
        // milliseconds with a thousand of them. What was learnt is tracked a moment later.
        afterAnswer('the requests of a vendor page were not tracked', () => record(companyId, history));
        return ok({
          companyId,
          vendorId,
          vendor,
          settings,
          permission,
          latest: history[0] ?? null,
          history,
        });
      } catch (err) {
        return fail(toUserError(err));
      }
    },
  };
}
