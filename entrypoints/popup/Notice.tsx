/** What went wrong with the last refresh, and what to do about it: sign in, go online, or wait. */
import { browser } from 'wxt/browser';
import type { UserError } from '@/lib/contract/errors';
import { errorText, t } from '@/lib/extension/i18n';

const SIGNED_OUT: ReadonlySet<UserError['kind']> = new Set(['not_configured', 'auth', 'no_permission']);

export const isSignedOut = (error: UserError | null): boolean => error !== null && SIGNED_OUT.has(error.kind);

/** The same sentence the live region reads after a refresh. */
export function problemText(error: UserError): string {
  if (error.kind === 'network') return t('popupOffline');
  return errorText(error);
}

export function Notice({ error }: { error: UserError }) {
  if (isSignedOut(error)) {
    return (
      <div class="notice notice-signed-out">
        <p class="notice-title">{t('popupSignedOut')}</p>
        <p>{errorText(error)}</p>
        <button type="button" class="button button-primary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </div>
    );
  }
  return (
    <div class={error.kind === 'network' ? 'notice notice-offline' : 'notice notice-error'}>
      <p>{problemText(error)}</p>
    </div>
  );
}
