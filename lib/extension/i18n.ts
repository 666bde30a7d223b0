/** Every visible string goes through `_locales` (English and Spanish); WXT types the keys from `messages.json`. */
import { browser } from 'wxt/browser';
import type { ErpStatus } from '../erp/status';
import type { UserError } from '../contract/errors';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export const t = (key: MessageKey, substitutions?: string | string[]): string =>
  browser.i18n.getMessage(key, substitutions) || key;

/** The messages that have a form per plural category: `KEY_one`, `KEY_other` (and any other category a language has). */
export type CountedKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/**
 * A message with a count, in the form the UI language's plural rules pick for it (Intl.PluralRules: "1 request",
 * "2 requests"); a category the language's file does not spell out falls back to `_other`. `substitutions` default to
 * the count alone.
 */
export function tCount(key: CountedKey, count: number, substitutions: string[] = [String(count)]): string {
  const category = new Intl.PluralRules(browser.i18n.getUILanguage()).select(count);
  return (
    browser.i18n.getMessage(`${key}_${category}` as MessageKey, substitutions) ||
    t(`${key}_other` as MessageKey, substitutions)
  );
}

/** Each status's wording is `status_<status>`, each error's sentence `error_<kind>`, in `_locales`. */
export const statusLabel = (status: ErpStatus): string => t(`status_${status}`);

/** A sentence the admin can act on, with the server's own words after it when it gave any. */
export const errorText = (error: UserError): string =>
  [t(`error_${error.kind}`), error.detail].filter(Boolean).join(' ');
