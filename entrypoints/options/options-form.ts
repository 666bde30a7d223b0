/** The options form as data: what the admin typed, checked and turned into settings. Pure, so it is unit-tested. */
import type { MessageKey } from '@/lib/extension/i18n';
import { MAX_POLL_SECONDS, MIN_POLL_SECONDS, type Settings } from '@/lib/extension/settings';
import { webOrigin } from '@/lib/extension/web-origin';

export interface OptionsDraft {
  apiUrl: string;
  token: string;
  pollSeconds: string;
  notifications: boolean;
  badge: boolean;
  notifyEveryone: boolean;
  badgeEveryone: boolean;
}

export type DraftField = 'apiUrl' | 'token' | 'pollSeconds';
export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

export const toDraft = (s: Settings): OptionsDraft => ({ ...s, pollSeconds: String(s.pollSeconds) });

/** The API URL as stored: trimmed, without a trailing slash. */
const normaliseUrl = (url: string): string => url.trim().replace(/\/+$/, '');

/** Only the connection fields: enough for "Test connection". */
export function checkConnection(
  draft: OptionsDraft,
): { ok: true; baseUrl: string; token: string; origin: string } | { ok: false; errors: DraftErrors } {
  const baseUrl = normaliseUrl(draft.apiUrl);
  const origin = webOrigin(baseUrl);
  const token = draft.token.trim();
  const errors: DraftErrors = {};
  if (!origin) errors.apiUrl = 'optionsInvalidUrl';
  if (!token) errors.token = 'optionsInvalidToken';
  return origin && token ? { ok: true, baseUrl, token, origin } : { ok: false, errors };
}

export function parseDraft(
  draft: OptionsDraft,
): { ok: true; settings: Settings; origin: string } | { ok: false; errors: DraftErrors } {
  const connection = checkConnection(draft);
  const poll = draft.pollSeconds.trim();
  const pollSeconds = /^\d+$/.test(poll) ? Number(poll) : NaN;
  const pollOk = pollSeconds >= MIN_POLL_SECONDS && pollSeconds <= MAX_POLL_SECONDS;
  if (!connection.ok || !pollOk) {
    return {
      ok: false,
      errors: { ...(connection.ok ? {} : connection.errors), ...(pollOk ? {} : { pollSeconds: 'optionsInvalidPoll' }) },
    };
  }
  return {
    ok: true,
    origin: connection.origin,
    settings: {
      apiUrl: connection.baseUrl,
      token: connection.token,
      pollSeconds,
      notifications: draft.notifications,
      badge: draft.badge,
      notifyEveryone: draft.notifyEveryone,
      badgeEveryone: draft.badgeEveryone,
    },
  };
}
