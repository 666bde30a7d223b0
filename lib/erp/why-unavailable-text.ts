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

/** What was measured, after the integration's own words for a length rule, so the admin sees how far over it is. */
function measured(reason: Reason): string | null {
  switch (reason.code) {
    case 'max_length':
      return tCount('reason_measured_length', reason.length, [fieldName(reason.field), String(reason.length)]);
    case 'max_line_length':
      return tCount('reason_measured_line_length', reason.length, [String(reason.line), String(reason.length)]);
    default:
      return null;
  }
}

/** The extension's own sentence for each reason: the `_locales` message `reason_<code>`, with numbers and names filled in. */
function ownText(reason: Reason): string {
  switch (reason.code) {
    case 'no_company_sync':
      return t('reason_no_company_sync', reason.erpName);
    case 'present':
    case 'numeric':
    case 'positive':
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
    case 'max_length_decimal':
    case 'max_length_units':
      return tCount(`reason_${reason.code}`, reason.digits, [
        fieldName(reason.field),
        String(reason.digits),
        reason.erpName,
        String(reason.limit),
      ]);
    case 'server':
      return t('reason_server', [fieldName(reason.field), reason.message]);
    default:
      return t(`reason_${reason.code}`);
  }
}

/**
 * The sentence for a reason: the integration's own words for its rule where its metadata gives them (after the
 * field's name, and with what was measured for a length), else the extension's own sentence.
 */
export function reasonText(reason: Reason): string {
  if (reason.code === 'server' || !('message' in reason) || reason.message === undefined) return ownText(reason);
  const words = t('reason_rule_message', [fieldName(reason.field), reason.message]);
  const detail = measured(reason);
  return detail ? `${words} ${detail}` : words;
}
