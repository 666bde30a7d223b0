/**
 * The options form's state and actions: the draft of the settings, its errors, Test connection and Save (each asks
 * for the API origin first, from the click), and the status line.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/contract/messaging';
import { errorText, t, type MessageKey } from '@/lib/extension/i18n';
import { loadSettings, saveSettings } from '@/lib/extension/settings';
import { originPattern } from '@/lib/extension/match-pattern';
import {
  checkConnection,
  parseDraft,
  toDraft,
  type DraftErrors,
  type DraftField,
  type OptionsDraft,
} from './options-form';

/** Asks for the API origin; must run inside the click handler, before any other `await`, or the browser refuses. */
const requestOrigin = (origin: string): Promise<boolean> =>
  browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);

export function useOptionsForm() {
  const [draft, setDraft] = useState<OptionsDraft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [showToken, setShowToken] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  /** Whether an integration API is set up, as saved (not as typed). */
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    void loadSettings().then((s) => {
      setDraft(toDraft(s));
      setConnected(Boolean(s.apiUrl && s.token));
    });
  }, []);

  const edit = (change: Partial<OptionsDraft>) =>
    setDraft((current) => (current ? { ...current, ...change } : current));
  /** What every text field shares: its value in the draft, its error state, and what describes it. */
  const fieldProps = (id: DraftField, describedBy: string | undefined) => ({
    id,
    spellcheck: false,
    value: draft?.[id] ?? '',
    'aria-invalid': errors[id] ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (e: preact.TargetedEvent<HTMLInputElement>) => edit({ [id]: e.currentTarget.value }),
  });

  /**
   * Checks the form, asks for the API origin (first, while the click still counts as the admin's gesture), then runs
   * `work` with the permission answer, saying "in progress" meanwhile and the outcome in the status line.
   */
  const runAction = async <T extends { ok: true; origin: string }>(
    checked: T | { ok: false; errors: DraftErrors },
    progress: MessageKey,
    work: (checked: T, granted: boolean) => Promise<string>,
  ) => {
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const granted = requestOrigin(checked.origin);
    setBusy(true);
    setStatus(t(progress));
    try {
      setStatus(await work(checked, await granted));
    } finally {
      setBusy(false);
    }
  };

  const test = () =>
    runAction(checkConnection(draft!), 'optionsTesting', async ({ baseUrl, token, origin }, granted) => {
      if (!granted) return t('optionsPermissionRefused', origin);
      const result = await sendMessage('testConnection', { baseUrl, token });
      return result.ok ? t('optionsConnectedAs', [result.value.name, result.value.login]) : errorText(result.error);
    });

  const save = (event: Event) => {
    event.preventDefault();
    return runAction(parseDraft(draft!), 'optionsSaving', async ({ settings, origin }, granted) => {
      await saveSettings(settings);
      setDraft(toDraft(settings));
      setConnected(true);
      return granted ? t('optionsSaved') : t('optionsPermissionRefused', origin);
    });
  };

  return { draft, errors, showToken, setShowToken, status, busy, connected, edit, fieldProps, test, save };
}
