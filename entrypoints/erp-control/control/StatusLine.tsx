/** The state in one announced line (role="status"): colour for a glance, an icon and words for everyone. */
import { statusLabel, t, type MessageKey } from '@/lib/extension/i18n';
import { decidedByWords, erpVendorIdWords, requestDetails } from '@/lib/erp/request-words';
import { TONE_ICON } from '@/lib/erp/status';
import type { ControlModel } from './control-model';

/** The words of the status line; page and API text (names, comments, errors) only ever as text. */
function statusWords(model: ControlModel | null): string[] {
  if (!model) return [t('statusChecking')];
  const { latest } = model;
  if (model.tone === 'synced') {
    // Synced by the vendor's own link when its request is not tracked: the ID is then the vendor's `origin_code`.
    const id = latest?.erp_vendor_id ?? model.erpVendorId;
    return [statusLabel('synced'), ...(id ? [erpVendorIdWords(id)] : [])];
  }
  if (!latest) return [t('statusNotSent')];
  const by = decidedByWords(latest);
  return [by ? `${statusLabel(latest.status)} ${by}` : statusLabel(latest.status), ...requestDetails(latest)];
}

export function StatusLine({ model }: { model: ControlModel | null }) {
  const tone = model?.tone ?? 'none';
  return (
    <p role="status" class={`status tone-${tone}`}>
      <span class="icon" aria-hidden="true">
        {TONE_ICON[tone]}
      </span>
      <span>{statusWords(model).join('. ')}</span>
    </p>
  );
}

export const ACTION_LABEL: Record<'send' | 'resend' | 'retrieve', MessageKey> = {
  send: 'actionSend',
  resend: 'actionResend',
  retrieve: 'actionRetrieve',
};
