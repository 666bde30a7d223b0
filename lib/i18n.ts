/** Every visible string goes through `_locales` (English and Spanish); WXT types the keys from `messages.json`. */
import { browser } from 'wxt/browser';
import { STATUS_MESSAGE, type ErpStatus } from './status';
import { ERROR_MESSAGE, type UserError } from './errors';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export const t = (key: MessageKey, substitutions?: string | string[]): string =>
  browser.i18n.getMessage(key, substitutions) || key;

export const statusLabel = (status: ErpStatus): string => t(STATUS_MESSAGE[status]);

/** A sentence the admin can act on, with the server's own words after it when it gave any. */
export const errorText = (error: UserError): string =>
  [t(ERROR_MESSAGE[error.kind] as MessageKey), error.detail].filter(Boolean).join(' ');
