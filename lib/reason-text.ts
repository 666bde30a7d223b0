/** The sentence for each reason sending is unavailable: it names the field and says what to do. Used by the page and the popup. */
import type { VendorField } from './api-types';
import { t, type MessageKey } from './i18n';
import type { Reason } from './reasons';

/** `_locales` key of each vendor field's name, as the edit form labels it. */
export const FIELD_NAME: Record<VendorField, MessageKey> = {
  name: 'fieldName',
  abbreviated_name: 'fieldAbbreviatedName',
  code: 'fieldCode',
  address: 'fieldAddress',
  city: 'fieldCity',
  state_code: 'fieldState',
  zip: 'fieldZip',
  country_code: 'fieldCountry',
  business_phone: 'fieldBusinessPhone',
  mobile_phone: 'fieldMobilePhone',
  fax_number: 'fieldFaxNumber',
  email_address: 'fieldEmailAddress',
};

/** The field's name for people; a field the server names that this extension does not know keeps the server's word. */
export const fieldName = (field: string): string =>
  field in FIELD_NAME ? t(FIELD_NAME[field as VendorField]) : field;

export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'not_admin':
      return t('reasonNotAdmin');
    case 'erp_not_synced':
      return t('reasonErpNotSynced');
    case 'no_company_sync':
      return t('reasonNoCompanySync', reason.erpName);
    case 'inactive':
      return t('reasonInactive');
    case 'unsaved':
      return t('reasonUnsaved');
    case 'present':
      return t('reasonPresent', fieldName(reason.field));
    case 'numeric':
      return t('reasonNumeric', fieldName(reason.field));
    case 'max_length':
      return t(reason.source === 'published' ? 'reasonMaxLengthPublished' : 'reasonMaxLength', [
        fieldName(reason.field),
        String(reason.length),
        reason.erpName,
        String(reason.limit),
      ]);
    case 'max_line_length':
      return t('reasonMaxLineLength', [
        fieldName(reason.field),
        String(reason.line),
        String(reason.length),
        reason.erpName,
        String(reason.limit),
      ]);
    case 'server':
      return t('reasonServer', [fieldName(reason.field), reason.message]);
  }
}
