/** The API bodies as the pages read them. */
import type { ErpSettingsBody } from '../../lib/contract/api-bodies';
import type { Company, ErpRequest, Person, Vendor } from '../model';

export type VendorJson = Omit<Vendor, 'companyId'>;
export type RequestJson = Omit<ErpRequest, 'companyId'>;
export type CompanyJson = Pick<Company, 'id' | 'name'>;
export type SettingsJson = ErpSettingsBody;
export type MeJson = Person & { login: string };
export interface ProjectJson {
  id: number;
  name: string;
  company: CompanyJson;
}
