/**
 * The options page: where the integration API is, the token (masked), a connection test, how often to check, and
 * what to show. Host permission for the API's origin is asked for from the click, at run time (`use-options-form.ts`).
 */
import { SANDBOX_URL } from '@/lib/extension/build-flags';
import { t, type MessageKey } from '@/lib/extension/i18n';
import { MAX_POLL_SECONDS, MIN_POLL_SECONDS } from '@/lib/extension/settings';
import type { DraftField, OptionsDraft } from './options-form';
import { useOptionsForm } from './use-options-form';

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
      {help && (
        <p id={`${id}-help`} class="help">
          {t(help)}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error">
          {t(error)}
        </p>
      )}
    </div>
  );
}

interface CheckProps {
  id: 'notifications' | 'badge' | 'notifyEveryone' | 'badgeEveryone';
  label: MessageKey;
  checked: boolean;
  edit: (change: Partial<OptionsDraft>) => void;
}

/** A checkbox for one of the settings that are on or off. */
function Check({ id, label, checked, edit }: CheckProps) {
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => edit({ [id]: e.currentTarget.checked })} />
      <label for={id}>{t(label)}</label>
    </div>
  );
}

export function Options() {
  const form = useOptionsForm();
  const { draft, errors, fieldProps, edit, showToken, setShowToken, busy, status } = form;
  if (!draft) return null;

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {/* The first step after installing (the options page opens by itself then). */}
      {SANDBOX_URL ? (
        <p class="intro">{t('optionsSandbox', SANDBOX_URL)}</p>
      ) : (
        !form.connected && <p class="intro">{t('optionsFirstRun')}</p>
      )}
      <form onSubmit={(event) => void form.save(event)} noValidate>
        <Field id="apiUrl" label="optionsApiUrl" help="optionsApiUrlHelp" error={errors.apiUrl}>
          {(describedBy) => <input type="url" autocomplete="url" {...fieldProps('apiUrl', describedBy)} />}
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
              <button
                type="button"
                aria-pressed={showToken}
                aria-controls="token"
                onClick={() => setShowToken(!showToken)}
              >
                {t('optionsShowToken')}
              </button>
            </div>
          )}
        </Field>
        <div class="actions">
          <button type="button" onClick={() => void form.test()} disabled={busy}>
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
        <Check id="notifications" label="optionsNotifications" checked={draft.notifications} edit={edit} />
        <Check id="notifyEveryone" label="optionsNotifyEveryone" checked={draft.notifyEveryone} edit={edit} />
        <Check id="badge" label="optionsBadge" checked={draft.badge} edit={edit} />
        <Check id="badgeEveryone" label="optionsBadgeEveryone" checked={draft.badgeEveryone} edit={edit} />
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
