/** The page paths the sandbox serves, Procore's shapes. Shared by the server (status code) and the client (rendering). */

export type Level = 'company' | 'project';
export type Route =
  | { page: 'directory'; level: Level; scopeId: number }
  | { page: 'vendorEdit'; level: Level; scopeId: number; vendorId: number }
  | { page: 'erpIntegrations'; companyId: number };

const HOME_COMPANY_ID = 8001;

const DIRECTORY = /^\/(\d+)\/(company|project)\/directory\/?$/;
const VENDOR_EDIT = /^\/(\d+)\/(company|project)\/directory\/vendors\/(\d+)\/edit\/?$/;
const ERP_INTEGRATIONS = /^\/(\d+)\/company\/erp_integrations\/?$/;

export function matchRoute(pathname: string): Route | null {
  if (pathname === '/') return { page: 'directory', level: 'company', scopeId: HOME_COMPANY_ID };
  const edit = VENDOR_EDIT.exec(pathname);
  if (edit) return { page: 'vendorEdit', level: edit[2] as Level, scopeId: Number(edit[1]), vendorId: Number(edit[3]) };
  const directory = DIRECTORY.exec(pathname);
  if (directory) return { page: 'directory', level: directory[2] as Level, scopeId: Number(directory[1]) };
  const erp = ERP_INTEGRATIONS.exec(pathname);
  if (erp) return { page: 'erpIntegrations', companyId: Number(erp[1]) };
  return null;
}

export const directoryPath = (level: Level, scopeId: number) => `/${scopeId}/${level}/directory`;
export const vendorEditPath = (level: Level, scopeId: number, vendorId: number) =>
  `${directoryPath(level, scopeId)}/vendors/${vendorId}/edit`;
export const erpIntegrationsPath = (companyId: number) => `/${companyId}/company/erp_integrations`;
