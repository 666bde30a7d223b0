import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tCount } from '@/lib/extension/i18n';
import { useLocale } from '../../locale';

type Messages = Record<string, { message: string; description?: string }>;
const read = (lang: string): Messages =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
const en = read('en');
const es = read('es');

describe('messages with a count', () => {
  beforeEach(() => fakeBrowser.reset());

  it('English: one request needs you, two requests need you, none need you', () => {
    useLocale('en');
    expect(tCount('badgeAttention', 1)).toBe('ERP Resend: 1 request needs you');
    expect(tCount('badgeAttention', 2)).toBe('ERP Resend: 2 requests need you');
    expect(tCount('popupRefreshed', 0)).toBe('Statuses updated. 0 need your attention.');
    expect(tCount('popupRefreshed', 1)).toBe('Statuses updated. 1 needs your attention.');
  });

  it('Spanish: una solicitud requiere, dos solicitudes requieren; a category without its own form takes the plural', () => {
    useLocale('es');
    expect(tCount('badgeAttention', 1)).toBe('ERP Resend: 1 solicitud requiere su atención');
    expect(tCount('badgeAttention', 2)).toBe('ERP Resend: 2 solicitudes requieren su atención');
    // Spanish has a "many" category (a million); the files spell out one and other only.
    expect(new Intl.PluralRules('es').select(1_000_000)).toBe('many');
    expect(tCount('badgeAttention', 1_000_000)).toBe('ERP Resend: 1000000 solicitudes requieren su atención');
  });

  it('fills the other numbers of the sentence too', () => {
    useLocale('en');
    expect(tCount('reason_max_length', 61, ['Name', '61', 'Viewpoint Vista', '60'])).toBe(
      'Name is 61 characters; Viewpoint Vista allows 60. Shorten it and save.',
    );
    expect(tCount('reason_max_length', 1, ['Code', '1', 'Acme ERP', '0'])).toBe(
      'Code is 1 character; Acme ERP allows 0. Shorten it and save.',
    );
  });
});

describe('the message files', () => {
  it('have the same messages in English and Spanish', () =>
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort()));

  it('give every counted message its one and other forms', () => {
    for (const messages of [en, es]) {
      const counted = Object.keys(messages)
        .filter((key) => key.endsWith('_one'))
        .map((key) => key.slice(0, -4));
      expect(counted.length).toBeGreaterThan(3);
      for (const base of counted) expect(messages, base).toHaveProperty(`${base}_other`);
    }
  });

  it('describe every message for translators', () => {
    for (const [key, { description }] of Object.entries(en)) expect(description?.length ?? 0, key).toBeGreaterThan(10);
  });

  it('address the admin as usted in Spanish, and call Retrieve Recuperar', () => {
    const informal = /\b(tu|tus|puedes|abre|cierra|vuelve|revisa|edítalo|envíala|envíalo|inténtalo)\b/i;
    for (const [key, { message }] of Object.entries(es)) {
      expect(message, key).not.toMatch(informal);
      expect(message, key).not.toMatch(/retir/i);
    }
  });
});
