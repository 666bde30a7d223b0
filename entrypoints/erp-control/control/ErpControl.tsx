/** The in-page control placed before the vendor form's Save: status, the one action that applies, why not, history. */
import { Component } from 'preact';
import { errorText, t } from '@/lib/extension/i18n';
import { HelpTip } from './HelpTip';
import { History } from './History';
import { controlModel, notConnected, type ControlState, type ControlSession } from './control-model';
import { ACTION_LABEL, StatusLine } from './StatusLine';

/** Ids are per shadow root, and there is one control per shadow root. */
const REASONS_ID = 'erp-resend-reasons';

interface Props {
  session: ControlSession;
}

/** Follows one page session; the content script remounts it (by key) for another vendor. */
export class ErpControl extends Component<Props, ControlState> {
  #unsubscribe: (() => void) | undefined;

  constructor(props: Props) {
    super(props);
    this.state = props.session.state;
  }

  override componentDidMount() {
    this.#unsubscribe = this.props.session.subscribe((state) => this.setState(state));
  }

  override componentWillUnmount() {
    this.#unsubscribe?.();
  }

  override render({ session }: Props, state: ControlState) {
    const model = controlModel(state);
    const { busy, error, view } = state;
    const action = model?.action ?? null;
    const disabled = model?.disabled ?? false;
    // The integration's export warning is for what a send would do, so it stands beside Send and Re-send only.
    const settings = view && (action === 'send' || action === 'resend') ? view.settings : null;

    return (
      <div class="erp">
        <div class="row">
          {(model || !error) && <StatusLine model={model} />}
          {action && (
            <button
              type="button"
              class="action"
              disabled={disabled}
              aria-describedby={disabled ? REASONS_ID : undefined}
              aria-busy={busy ? 'true' : undefined}
              aria-disabled={state.settling ? 'true' : undefined}
              onClick={(event) => void session.act(action, event.isTrusted)}
            >
              {busy ? t(busy === 'retrieve' ? 'actionRetrieving' : 'actionSending') : t(ACTION_LABEL[action])}
            </button>
          )}
          {disabled && model && <HelpTip id={REASONS_ID} reasons={model.reasons} />}
        </div>
        {settings?.warning && (
          <p class="warning" role="note">
            <strong>{t('erp_warning_label', settings.erpName)}:</strong> {settings.warning}
          </p>
        )}
        {error && (
          <p class="error" role="alert">
            <span>{errorText(error)}</span>
            {notConnected(state) && (
              <button type="button" class="retry" onClick={() => session.openOptions()}>
                {t('openOptions')}
              </button>
            )}
            {state.failed && (
              <button type="button" class="retry" onClick={(event) => void session.retry(event.isTrusted)}>
                {t('tryAgain')}
              </button>
            )}
          </p>
        )}
        {view && view.history.length > 0 && <History requests={view.history} />}
      </div>
    );
  }
}
