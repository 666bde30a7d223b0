/**
 * Procore's own ERP control on the vendor edit page, drawn as Procore draws it: the status icon with its words, the
 * one button (+ Send to ERP, + Re-send to ERP, Retrieve from ERP), grayed with a "?" whose hover says only Procore's
 * generic sentence. It acts through Procore's web app endpoints (`sandbox/web-app.ts`), not the integration API.
 * Classic markup uses Bootstrap-like classes, beta generated ones; neither is anything the extension may rely on.
 */
import type { ProcoreErpControl } from '../procore-erp';
import { call, pageToken } from './api';
import { el } from './dom';
import { pref } from './prefs';

type Labels = Record<'send' | 'resend' | 'retrieve' | 'help' | ProcoreStatus, string>;
type ProcoreStatus = NonNullable<ProcoreErpControl['status']>['status'];

const HELP_EN =
  "Typically, it's because the project's ERP data has not yet been synced or because the item does not meet the minimum requirements.";

const LABELS: Record<'en' | 'es' | 'de', Labels> = {
  en: {
    send: 'Send to ERP',
    resend: 'Re-send to ERP',
    retrieve: 'Retrieve from ERP',
    help: HELP_EN,
    pending_acceptance: 'Pending acceptance',
    accepted: 'Exporting',
    synced: 'Synced',
    rejected: 'Rejected',
    retrieved: 'Retrieved',
    failed: 'Export failed',
  },
  es: {
    send: 'Enviar a ERP',
    resend: 'Reenviar a ERP',
    retrieve: 'Recuperar de ERP',
    help: 'Por lo general, se debe a que los datos del ERP del proyecto aún no se han sincronizado o a que el elemento no cumple los requisitos mínimos.',
    pending_acceptance: 'Pendiente de aceptación',
    accepted: 'Exportando',
    synced: 'Sincronizado',
    rejected: 'Rechazado',
    retrieved: 'Recuperado',
    failed: 'Error de exportación',
  },
  // A language the extension does not read (the sandbox's `?erplabels=de`): it must leave this control alone.
  de: {
    send: 'An ERP senden',
    resend: 'Erneut an ERP senden',
    retrieve: 'Aus ERP abrufen',
    help: 'Meist sind die ERP-Daten des Projekts noch nicht synchronisiert.',
    pending_acceptance: 'Wartet auf Annahme',
    accepted: 'Wird exportiert',
    synced: 'Synchronisiert',
    rejected: 'Abgelehnt',
    retrieved: 'Abgerufen',
    failed: 'Export fehlgeschlagen',
  },
};

const labels = (): Labels => LABELS[pref('erplabels') === 'de' ? 'de' : pref('lang')];

export interface ProcoreErpPlace {
  companyId: number;
  vendorId: number;
  projectId?: number;
}

const endpoint = ({ companyId, vendorId, projectId }: ProcoreErpPlace, action: string) =>
  `/web/companies/${companyId}/vendors/${vendorId}/${action}${projectId === undefined ? '' : `?project_id=${projectId}`}`;

export const loadProcoreErpControl = (place: ProcoreErpPlace): Promise<ProcoreErpControl> =>
  call<ProcoreErpControl>(pageToken(), 'GET', endpoint(place, 'erp_control'));

/** The control's element, or null when the company has no ERP tool. A click answers its next state to `changed`. */
export function procoreErpElement(
  state: ProcoreErpControl,
  place: ProcoreErpPlace,
  variant: 'classic' | 'beta',
  changed: (next: ProcoreErpControl) => void,
): HTMLElement | null {
  if (!state.shown) return null;
  const words = labels();
  const beta = variant === 'beta';
  const block = el('div', { class: beta ? 'ErpActions-sc-7c2e1b-0 kQpZxv' : 'erp-actions' });
  if (state.status) {
    block.append(
      el(
        'span',
        { class: `erp-status erp-status-${state.status.tone}` },
        el('span', { class: 'erp-status-icon', 'aria-hidden': 'true' }),
        words[state.status.status],
      ),
    );
  }
  if (state.action) {
    const plus = state.action === 'retrieve' ? null : el('span', { 'aria-hidden': 'true' }, '+ ');
    const button = el(
      'button',
      { type: 'button', class: beta ? 'Button-sc-1f3ry6x-0 ihPnQm' : 'btn btn-default', disabled: state.disabled },
      plus,
      words[state.action],
    );
    button.addEventListener('click', () => {
      const action = state.action === 'retrieve' ? 'retrieve_from_erp' : 'send_to_erp';
      void call<ProcoreErpControl>(pageToken(), 'POST', endpoint(place, action)).then(changed);
    });
    block.append(button);
    if (state.disabled) block.append(el('button', { type: 'button', class: 'erp-help', title: words.help }, '?'));
  }
  return block;
}

/**
 * Procore's control in the form's row of Cancel and Save: drawn again with the form (after Save) and after each of
 * its clicks, as React would, a new element each time. `state` null: not loaded yet (`load` draws it once it is).
 */
export function procoreErpSlot(place: ProcoreErpPlace, variant: 'classic' | 'beta', state: ProcoreErpControl | null) {
  let row: HTMLElement | null = null;
  let block: HTMLElement | null = null;
  const draw = () => {
    block?.remove();
    block =
      state &&
      procoreErpElement(state, place, variant, (next) => {
        state = next;
        draw();
      });
    if (block && row) row.prepend(block);
  };
  return {
    get loaded() {
      return state !== null;
    },
    drawIn(actions: HTMLElement) {
      row = actions;
      draw();
    },
    async load(signal: AbortSignal) {
      const loaded = await loadProcoreErpControl(place);
      if (signal.aborted) return;
      state = loaded;
      draw();
    },
  };
}
