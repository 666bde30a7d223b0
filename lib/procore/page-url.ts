/**
 * Which vendor edit page a URL is: Procore's company-level and project-level Directory paths. Pure: the content script
 * checks URLs before touching the DOM.
 */

export type PageRef =
  { level: 'company'; companyId: number; vendorId: number } | { level: 'project'; projectId: number; vendorId: number };

/** `/{company_id}/company/…` or `/{project_id}/project/…`, then `directory/vendors/{vendor_id}/edit`. */
const VENDOR_EDIT = /^\/(\d+)\/(company|project)\/directory\/vendors\/(\d+)\/edit\/?$/;

export function parseVendorEditUrl(url: string | URL): PageRef | null {
  let match: RegExpExecArray | null;
  try {
    match = VENDOR_EDIT.exec(new URL(url).pathname);
  } catch {
    return null;
  }
  if (!match) return null;
  const [, id, level, vendorId] = match;
  return level === 'company'
    ? { level, companyId: Number(id), vendorId: Number(vendorId) }
    : { level: 'project', projectId: Number(id), vendorId: Number(vendorId) };
}

/** The company-level edit page of a vendor on the given Procore origin: where the popup and notifications link to. */
export const vendorEditUrl = (origin: string, companyId: number, vendorId: number): string =>
  `${origin}/${companyId}/company/directory/vendors/${vendorId}/edit`;

/** Whether the page control has anything to do on this URL: what the content script's loader checks on every page. */
export const controlWorksOn = (url: string | URL): boolean => parseVendorEditUrl(url) !== null;

export const samePage = (a: PageRef | null, b: PageRef | null): boolean => JSON.stringify(a) === JSON.stringify(b);
