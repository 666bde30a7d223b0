/**
 * Which Directory page a URL is, a vendor's edit page or the company list: Procore's company-level and project-level
 * Directory paths. Pure: the content script checks URLs before touching the DOM.
 */

/** A company's or a project's Directory. */
export type DirectoryRef = { level: 'company'; companyId: number } | { level: 'project'; projectId: number };
export type PageRef = DirectoryRef & { vendorId: number };

/** `/{company_id}/company/directory` or `/{project_id}/project/directory`: the Directory's list of companies. */
const DIRECTORY = /^\/(\d+)\/(company|project)\/directory\/?$/;

function matchPath(path: RegExp, url: string | URL): RegExpExecArray | null {
  try {
    return path.exec(new URL(url).pathname);
  } catch {
    return null;
  }
}

export function parseDirectoryUrl(url: string | URL): DirectoryRef | null {
  const match = matchPath(DIRECTORY, url);
  if (!match) return null;
  const [, id, level] = match;
  return level === 'company' ? { level, companyId: Number(id) } : { level: 'project', projectId: Number(id) };
}

/** `/{company_id}/company/…` or `/{project_id}/project/…`, then `directory/vendors/{vendor_id}/edit`. */
const VENDOR_EDIT = /^\/(\d+)\/(company|project)\/directory\/vendors\/(\d+)\/edit\/?$/;

export function parseVendorEditUrl(url: string | URL): PageRef | null {
  const match = matchPath(VENDOR_EDIT, url);
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

/** Whether the Directory list's statuses have anything to do on this URL: the loader's other check. */
export const statusesWorkOn = (url: string | URL): boolean => parseDirectoryUrl(url) !== null;

export const samePage = (a: DirectoryRef | null, b: DirectoryRef | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
