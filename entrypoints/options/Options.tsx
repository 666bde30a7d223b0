/**
 * The options page (issue 4.6): where the integration API is, the token (masked), a connection test, how often to
 * check, and what to show. Host permission for the API's origin is asked for here, from the click, at run time.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText, t, type MessageKey } from '@/lib/extension/i18n';
import { sendMessage } from '@/lib/contract/messages';
import { loadSettings, MIN_POLL_SECONDS, originPattern, saveSettings } from '@/lib/extension/settings';
import { checkConnection, MAX_POLL_SECONDS, parseDraft, toDraft, type DraftErrors, type DraftField, type OptionsDraft } from './options-form';

/** Asks for the API origin; must run inside the click handler, before any other `await`, or the browser refuses. */
const requestOrigin = (origin: string): Promise<boolean> =>
  browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);

interface FieldProps {
  id: DraftField;
  label: MessageKey;
  help?: MessageKey;
  error?: MessageKey;
  children: (describedBy: string | undefined) => preact.ComponentChildren;
}

/** A labelled control with its help and error text tied to it by `aria-describedby`. */
function Field({ id, label, help, error, children }: FieldProps) {
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{t(label)}</label>
      {children(describedBy)}
      {help && <p id={`${id}-help`} class="help">{t(help)}</p>}
      {error && <p id={`${id}-error`} class="error">{t(error)}</p>}
    </div>
  );
}

export function Options() {
  const [draft, setDraft] = useState<OptionsDraft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [showToken, setShowToken] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadSettings().then((s) => setDraft(toDraft(s)));
  }, []);

  if (!draft) return null;
  const edit = (change: Partial<OptionsDraft>) => setDraft({ ...draft, ...change });
  /** What every text field shares: its value in the draft, its error state, and what describes it. */
  const fieldProps = (id: DraftField, describedBy: string | undefined) => ({
    id,
    spellcheck: false,
    value: draft[id],
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
    runAction(checkConnection(draft), 'optionsTesting', async ({ baseUrl, token, origin }, granted) => {
      if (!granted) return t('optionsPermissionRefused', origin);
      const result = await sendMessage('testConnection', { baseUrl, token });
      return result.ok ? t('optionsConnectedAs', [result.value.name, result.value.login]) : errorText(result.error);
    });

  const save = (event: Event) => {
    event.preventDefault();
    return runAction(parseDraft(draft), 'optionsSaving', async ({ settings, origin }, granted) => {
      await saveSettings(settings);
      setDraft(toDraft(settings));
      return granted ? t('optionsSaved') : t('optionsPermissionRefused', origin);
    });
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save} noValidate>
        <Field id="apiUrl" label="optionsApiUrl" help="optionsApiUrlHelp" error={errors.apiUrl}>
          {(describedBy) => (
            <input type="url" autocomplete="url" {...fieldProps('apiUrl', describedBy)} />
          )}
        </Field>
        <Field id="token" label="optionsToken" help="optionsTokenHelp" error={errors.token}>
          {(describedBy) => (
            <div class="token">
              {/* Two elements rather than one with a changing type: Preact types `password` inputs apart. */}
              {showToken ? (
                <input type="text" autocomplete="off" {...fieldProps('token', describedBy)} />
              ) : (
                <input type="password" autocomplete="off" {...fieldProps('token', describedBy)} />
              )}
              <button type="button" aria-pressed={showToken} aria-controls="token" onClick={() => setShowToken(!showToken)}>
                {t('optionsShowToken')}
              </button>
            </div>
          )}
        </Field>
        <div class="actions">
          <button type="button" onClick={() => void test()} disabled={busy}>
            {t('optionsTestConnection')}
          </button>
        </div>
        <Field id="pollSeconds" label="optionsPollSeconds" help="optionsPollHelp" error={errors.pollSeconds}>
          {(describedBy) => (
            <input
              type="number"
              inputMode="numeric"
              min={MIN_POLL_SECONDS}
              max={MAX_POLL_SECONDS}
              step={1}
              {...fieldProps('pollSeconds', describedBy)}
            />
          )}
        </Field>
        <div class="check">
          <input
            id="notifications"
            type="checkbox"
            checked={draft.notifications}
            onChange={(e) => edit({ notifications: e.currentTarget.checked })}
          />
          <label for="notifications">{t('optionsNotifications')}</label>
        </div>
        <div class="check">
          <input id="badge" type="checkbox" checked={draft.badge} onChange={(e) => edit({ badge: e.currentTarget.checked })} />
          <label for="badge">{t('optionsBadge')}</label>
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('optionsSave')}
          </button>
        </div>
      </form>
      <p role="status" class="status">
        {status}
      </p>
    </main>
  );
}
