/**
 * Every way the content script finds things on Procore's pages, in one place. Procore's markup changes and its
 * redesigned Directory is in beta, so nothing here relies on class names: fields are found by their accessible label
 * and the control's place by the form's Save button, the way a person finds them. English and Spanish.
 */
import type { VendorField } from '../contract/api-bodies';
import { parseVendorEditUrl } from './page-url';

/** The vendor form's visible label texts, normalized (see `normalizeLabel`), per field. */
export const FIELD_LABELS: Partial<Record<VendorField, readonly string[]>> = {
  name: ['name', 'nombre'],
  abbreviated_name: ['abbreviated name', 'nombre abreviado'],
  address: ['address', 'dirección'],
  city: ['city', 'ciudad'],
  state_code: ['state', 'estado'],
  zip: ['zip code', 'código postal'],
  country_code: ['country', 'país'],
  business_phone: ['business phone', 'teléfono comercial'],
  mobile_phone: ['mobile phone', 'teléfono móvil'],
  fax_number: ['fax number', 'número de fax'],
  email_address: ['email address', 'correo electrónico'],
};

/** The Save button's text or value, normalized. */
export const SAVE_TEXTS: readonly string[] = ['save', 'guardar'];

/**
 * Procore's own ERP buttons, as their text reads (normalized, without the "+" Procore puts before Send and Re-send).
 * A button that says "ERP" in other words is Procore's too, in a language this list lacks: it is left alone.
 */
export const PROCORE_ERP_TEXTS: readonly string[] = [
  'send to erp',
  're-send to erp',
  'retrieve from erp',
  'enviar a erp',
  'reenviar a erp',
  'recuperar de erp',
];

/** Tag of the element that hosts the control's shadow root: how the script recognises its own control in the page. */
export const CONTROL_TAG = 'erp-resend-control';
/** Tag of the ERP status the extension puts beside a company's name in the Directory's list. */
export const STATUS_TAG = 'erp-resend-status';

const FORM_CONTROLS = 'input, select, textarea';
const NOT_TEXT_INPUTS = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file']);
/** What can be the form's Save button. */
export const BUTTONS = 'button, input[type="submit"]';

export type FieldControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Case, spacing and a trailing required-marker `*` or `:` do not matter when a person reads a label. */
export const normalizeLabel = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s*:]+$/, '')
    .toLocaleLowerCase();

const LABEL_TO_FIELD = new Map<string, VendorField>(
  Object.entries(FIELD_LABELS).flatMap(([field, labels]) => labels.map((label) => [label, field as VendorField])),
);

/** Text of a label, without the text of any control it wraps (a wrapped select's options are not its label). */
function ownText(element: Element): string {
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && !(node as Element).matches(FORM_CONTROLS)) text += ` ${ownText(node as Element)} `;
  }
  return text;
}

/** Every label text that names this control: its `label`s (by `for` or wrapping), `aria-labelledby`, `aria-label`. */
export function labelsOf(control: FieldControl): string[] {
  const texts = Array.from(control.labels ?? [], ownText);
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = control.ownerDocument;
    texts.push(
      labelledBy
        .split(/\s+/)
        .map((id) => doc.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }
  texts.push(control.getAttribute('aria-label') ?? '');
  return texts.map(normalizeLabel).filter(Boolean);
}

/** Which vendor field a control edits, by its label; null for anything else. */
export function fieldOf(control: FieldControl): VendorField | null {
  if (control instanceof HTMLInputElement && NOT_TEXT_INPUTS.has(control.type)) return null;
  for (const label of labelsOf(control)) {
    const field = LABEL_TO_FIELD.get(label);
    if (field) return field;
  }
  return null;
}

/** The vendor fields shown inside `root`, each with its control (the first one wins if a label repeats). */
export function findFields(root: ParentNode): Map<VendorField, FieldControl> {
  const fields = new Map<VendorField, FieldControl>();
  for (const control of Array.from(root.querySelectorAll<FieldControl>(FORM_CONTROLS))) {
    const field = fieldOf(control);
    if (field && !fields.has(field)) fields.set(field, control);
  }
  return fields;
}

const buttonText = (button: Element): string =>
  normalizeLabel(button instanceof HTMLInputElement ? button.value : (button.textContent ?? ''));

export const isSaveButton = (element: Element): boolean =>
  element.matches(BUTTONS) && SAVE_TEXTS.includes(buttonText(element));

/** The form a Save button saves; on markup without a `form`, the whole page (fields are found by label anyway). */
export const formOf = (save: Element): ParentNode => save.closest('form') ?? save.ownerDocument;

/**
 * The vendor form's Save button: a `button` or `input type=submit` reading Save or Guardar. When a page has several
 * (another form's Save, a dialog), the one whose form holds vendor fields wins.
 */
export function findSaveButton(root: ParentNode): HTMLElement | null {
  const saves = Array.from(root.querySelectorAll<HTMLElement>(BUTTONS)).filter(isSaveButton);
  return saves.find((save) => findFields(formOf(save)).has('name')) ?? saves[0] ?? null;
}

/** The Cancel (or other) button beside Save, whose look the control copies; Save itself when alone. */
export function neighbourButton(save: HTMLElement): HTMLElement {
  const siblings = Array.from(save.parentElement?.querySelectorAll<HTMLElement>(BUTTONS) ?? []);
  return siblings.find((button) => button !== save) ?? save;
}

/** Procore's own ERP control in the vendor form: its button, and the block around it (status, button, "?"). */
export interface ProcoreErpControl {
  button: HTMLElement;
  /** The largest element around the button that holds neither Save nor a form field: what the extension stands in for. */
  block: HTMLElement;
  /** Its text is one this extension reads (English or Spanish); one it cannot read is left alone. */
  recognised: boolean;
  text: string;
}

const erpButtonText = (button: Element): string => buttonText(button).replace(/^\+\s*/, '');

/** Procore's ERP control in Save's form, found by its button's visible text; null when the page has none. */
export function findProcoreErpControl(save: HTMLElement): ProcoreErpControl | null {
  let unreadable: { button: HTMLElement; text: string } | null = null;
  for (const button of Array.from(formOf(save).querySelectorAll<HTMLElement>(BUTTONS))) {
    const text = erpButtonText(button);
    if (PROCORE_ERP_TEXTS.includes(text)) return { button, block: blockAround(button, save), recognised: true, text };
    if (!unreadable && /\berp\b/.test(text)) unreadable = { button, text };
  }
  return unreadable && { ...unreadable, block: blockAround(unreadable.button, save), recognised: false };
}

function blockAround(button: HTMLElement, save: HTMLElement): HTMLElement {
  let block = button;
  for (let parent = block.parentElement; parent && parent.tagName !== 'FORM'; parent = parent.parentElement) {
    if (parent.contains(save) || parent.querySelector(FORM_CONTROLS)) break;
    block = parent;
  }
  return block;
}

/** A company in the Directory's list: its vendor id, read from its Edit link, and the cell its name is in. */
export interface DirectoryRow {
  vendorId: number;
  nameCell: HTMLElement;
}

const VENDOR_EDIT_LINKS = 'a[href*="/directory/vendors/"]';
const NAME_CELLS = 'th, [role="rowheader"]';
const CELLS = 'td, [role="cell"], [role="gridcell"]';

/**
 * The Directory list's companies: every table row (or ARIA row) holding a link to a vendor's edit page, as a person
 * finds a company's Edit. The name is the row's header cell, else its first cell.
 */
export function findDirectoryRows(root: ParentNode): DirectoryRow[] {
  const rows = new Map<Element, DirectoryRow>();
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>(VENDOR_EDIT_LINKS))) {
    const page = parseVendorEditUrl(link.href);
    const row = page && link.closest('tr, [role="row"]');
    if (!row || rows.has(row)) continue;
    const nameCell = row.querySelector<HTMLElement>(NAME_CELLS) ?? row.querySelector<HTMLElement>(CELLS);
    if (nameCell) rows.set(row, { vendorId: page.vendorId, nameCell });
  }
  return [...rows.values()];
}
