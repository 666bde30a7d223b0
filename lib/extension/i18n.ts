/** Every visible string goes through `_locales` (English and Spanish); WXT types the keys from `messages.json`. */
import { browser } from 'wxt/browser';
import type { ErpStatus } from '../erp/status';
import type { UserError } from '../contract/errors';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export const t = (key: MessageKey, substitutions?: string | string[]): string =>
  browser.i18n.getMessage(key, substitutions) || key;

/** Each status's wording is `status_<status>`, each error's sentence `error_<kind>`, in `_locales`. */
export const statusLabel = (status: ErpStatus): string => t(`status_${status}`);

/** A sentence the admin can act on, with the server's own words after it when it gave any. */
export const errorText = (error: UserError): string =>
  [t(`error_${error.kind}`), error.detail].filter(Boolean).join(' ');
