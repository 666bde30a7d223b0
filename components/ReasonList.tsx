/**
 * Every reason sending is unavailable, as a list of sentences: the page's "?" tooltip and the popup's Re-send note
 * show the same list. Text only, never HTML.
 */
import { reasonText } from '@/lib/erp/why-unavailable-text';
import type { Reason } from '@/lib/erp/why-unavailable';

export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  return (
    <ul>
      {reasons.map((reason, index) => (
        <li key={index}>{reasonText(reason)}</li>
      ))}
    </ul>
  );
}
