/** The sentence for each reason sending is unavailable: it names the field and says what to do. Used by the page and the popup. */
import type { VendorField } from '../contract/api-bodies';
import { t, tCount } from '../extension/i18n';
import type { Reason } from './why-unavailable';

/**
 * The field's name as the edit form labels it (`_locales` key `field_<field>`); a field the server names that this
 * extension does not know keeps the server's word.
 */
export function fieldName(field: string): string {
  const key = `field_${field as VendorField}` as const;
  const name = t(key);
  return name === key ? field : name;
}

/** Each reason's sentence is the `_locales` message `reason_<code>`, with the numbers and names filled in. */
export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'no_company_sync':
      return t('reason_no_company_sync', reason.erpName);
    case 'present':
    case 'numeric':
      return t(`reason_${reason.code}`, fieldName(reason.field));
    case 'max_length':
      return tCount(
        reason.source === 'published' ? 'reason_max_length_published' : 'reason_max_length',
        reason.length,
        [fieldName(reason.field), String(reason.length), reason.erpName, String(reason.limit)],
      );
    case 'max_line_length':
      return tCount('reason_max_line_length', reason.length, [
        fieldName(reason.field),
        String(reason.line),
        String(reason.length),
        reason.erpName,
        String(reason.limit),
      ]);
    case 'server':
      return t('reason_server', [fieldName(reason.field), reason.message]);
    default:
      return t(`reason_${reason.code}`);
  }
}
