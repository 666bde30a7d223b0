/** The API bodies as the pages read them. */
import type { Company, ErpRequest, Person, Vendor } from '../model';

export type VendorJson = Omit<Vendor, 'companyId'>;
export type RequestJson = Omit<ErpRequest, 'companyId'>;
export type CompanyJson = Pick<Company, 'id' | 'name'>;
export type SettingsJson = Pick<Company, 'erp_system_name' | 'rules'>;
export type MeJson = Person & { login: string };
export interface ProjectJson {
  id: number;
  name: string;
  company: CompanyJson;
}
