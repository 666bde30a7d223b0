/** Which vendor edit page a URL is (domain notes, A.1). Pure: the content script checks URLs before touching the DOM. */

export type PageRef =
  | { level: 'company'; companyId: number; vendorId: number }
  | { level: 'project'; projectId: number; vendorId: number };

const COMPANY_EDIT = /^\/(\d+)\/company\/directory\/vendors\/(\d+)\/edit\/?$/;
const PROJECT_EDIT = /^\/(\d+)\/project\/directory\/vendors\/(\d+)\/edit\/?$/;

export function parseVendorEditUrl(url: string | URL): PageRef | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const company = COMPANY_EDIT.exec(path);
  if (company) return { level: 'company', companyId: Number(company[1]), vendorId: Number(company[2]) };
  const project = PROJECT_EDIT.exec(path);
  if (project) return { level: 'project', projectId: Number(project[1]), vendorId: Number(project[2]) };
  return null;
}

/** The company-level edit page of a vendor on the given Procore origin: where the popup and notifications link to. */
export const vendorEditUrl = (origin: string, companyId: number, vendorId: number): string =>
  `${origin}/${companyId}/company/directory/vendors/${vendorId}/edit`;

export const samePage = (a: PageRef | null, b: PageRef | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
