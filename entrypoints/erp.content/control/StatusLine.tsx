/** The state in one announced line (role="status"): colour for a glance, an icon and words for everyone. */
import { t, statusLabel, type MessageKey } from '@/lib/extension/i18n';
import type { ControlModel } from './control-model';

/** The words of the status line; page and API text (names, comments, errors) only ever as text. */
const ICON: Record<ControlModel['tone'], string> = { waiting: '◔', returned: '↺', synced: '✓', failed: '✕', none: '○' };

export function statusWords(model: ControlModel | null): string[] {
  if (!model) return [t('statusChecking')];
  const { latest } = model;
  if (model.tone === 'synced') {
    const id = latest?.erp_vendor_id ?? model.erpVendorId;
    return [statusLabel('synced'), ...(id ? [t('statusErpVendorId', id)] : [])];
  }
  if (!latest) return [t('statusNotSent')];
  const words = [statusLabel(latest.status)];
  if (latest.status === 'rejected' && latest.decided_by) words[0] += ` ${t('statusDecidedBy', latest.decided_by.name)}`;
  if (latest.status === 'rejected' && latest.rejection_comment) words.push(t('statusComment', latest.rejection_comment));
  if (latest.status === 'failed' && latest.errors.length > 0) words.push(t('statusErrors', latest.errors.join('; ')));
  return words;
}

export function StatusLine({ model }: { model: ControlModel | null }) {
  const tone = model?.tone ?? 'none';
  return (
    <p role="status" class={`status tone-${tone}`}>
      <span class="icon" aria-hidden="true">
        {ICON[tone]}
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
