/** Test support: answers `browser.i18n.getMessage` from the real `_locales` files, the way the browser does. */
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string }>;

export function useLocale(lang: 'en' | 'es'): Messages {
  const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => lang;
  return messages;
}
