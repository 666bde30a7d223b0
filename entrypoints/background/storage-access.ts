/**
 * Keeps content scripts out of `storage.local`, where the API token is. Chrome (since 102 for `session`, and later
 * for `local`) accepts this; where it is not supported the call rejects or is missing, and we go on. Firefox only
 * supports it for `storage.session`: there content scripts can read `storage.local`, and the defence is that ours never
 * do (they only send messages) and page scripts cannot reach extension storage at all.
 */
import { browser } from 'wxt/browser';

export async function lockStorageToTrustedContexts(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  try {
    await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (err) {
    console.warn('[erp-resend] storage.local access level not supported here', err);
  }
}
