/** The sandbox pages' wording in English and Spanish (Procore's field labels). */
import { pref } from './prefs';

const en = {
  name: 'Name',
  abbreviated_name: 'Abbreviated Name',
  address: 'Address',
  city: 'City',
  state_code: 'State',
  zip: 'ZIP Code',
  country_code: 'Country',
  business_phone: 'Business Phone',
  email_address: 'Email Address',
  cancel: 'Cancel',
  save: 'Save',
  saved: 'Saved',
  saving: 'Saving…',
  edit: 'Edit',
  editCompany: 'Edit Company',
  directory: 'Directory',
  companies: 'Companies',
  erpIntegrations: 'ERP Integrations',
  loading: 'Loading…',
  notFound: 'Page not found',
  erpVendorId: 'ERP Vendor ID',
  inactive: 'Inactive',
  active: 'Active',
  status: 'Status',
  companyInformation: 'Company Information',
};

export type StringKey = keyof typeof en;

const es: Record<StringKey, string> = {
  name: 'Nombre',
  abbreviated_name: 'Nombre abreviado',
  address: 'Dirección',
  city: 'Ciudad',
  state_code: 'Estado',
  zip: 'Código postal',
  country_code: 'País',
  business_phone: 'Teléfono comercial',
  email_address: 'Correo electrónico',
  cancel: 'Cancelar',
  save: 'Guardar',
  saved: 'Guardado',
  saving: 'Guardando…',
  edit: 'Editar',
  editCompany: 'Editar empresa',
  directory: 'Directorio',
  companies: 'Empresas',
  erpIntegrations: 'Integraciones ERP',
  loading: 'Cargando…',
  notFound: 'Página no encontrada',
  erpVendorId: 'ID de proveedor en el ERP',
  inactive: 'Inactiva',
  active: 'Activa',
  status: 'Estado',
  companyInformation: 'Información de la empresa',
};

export const s = (key: StringKey): string => (pref('lang') === 'es' ? es : en)[key];
