// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlacement, type ControlHost } from '@/entrypoints/erp-control/placement';
import { CONTROL_TAG } from '@/lib/procore/selectors';

const FORM = `<form><label>Name <input></label><div class="actions"><button type="button">Cancel</button>
  <button id="save">Save</button></div></form>`;

function host(): ControlHost & { mounts: number } {
  const element = document.createElement(CONTROL_TAG);
  const h = {
    element,
    mounts: 0,
    mount: vi.fn((anchor: HTMLElement) => {
      h.mounts++;
      anchor.before(element);
    }),
    remove: vi.fn(() => element.remove()),
  };
  return h;
}

const controls = () => document.querySelectorAll(CONTROL_TAG);

describe('placing the control', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('waits for the Save button, then mounts right before it', () => {
    const h = host();
    const placement = createPlacement(document, h);
    expect(placement.sync()).toBe(false);
    document.body.innerHTML = FORM;
    expect(placement.sync()).toBe(true);
    expect(h.element.nextElementSibling?.id).toBe('save');
    expect(placement.anchor?.id).toBe('save');
  });

  it('never mounts twice however often the page changes', () => {
    document.body.innerHTML = FORM;
    const h = host();
    const placement = createPlacement(document, h);
    for (let i = 0; i < 5; i++) placement.sync();
    expect(h.mounts).toBe(1);
    expect(controls()).toHaveLength(1);
  });

  it('comes back once when a re-render drops it with the form', () => {
    document.body.innerHTML = FORM;
    const h = host();
    const placement = createPlacement(document, h);
    placement.sync();
    document.body.innerHTML = FORM;
    expect(controls()).toHaveLength(0);
    expect(placement.sync()).toBe(true);
    placement.sync();
    expect(controls()).toHaveLength(1);
    expect(h.mounts).toBe(2);
  });

  it('moves when the page replaces the Save button but keeps the control elsewhere', () => {
    document.body.innerHTML = FORM;
    const h = host();
    const placement = createPlacement(document, h);
    placement.sync();
    const actions = document.querySelector('.actions')!;
    document.getElementById('save')!.remove();
    actions.insertAdjacentHTML('afterbegin', '<button id="save2">Save</button>');
    expect(placement.sync()).toBe(true);
    expect(h.element.nextElementSibling?.id).toBe('save2');
    expect(controls()).toHaveLength(1);
  });

  it('stays while the Save button reads "Saving…" for a moment', () => {
    document.body.innerHTML = FORM;
    const h = host();
    const placement = createPlacement(document, h);
    placement.sync();
    document.getElementById('save')!.textContent = 'Saving…';
    expect(placement.sync()).toBe(false);
    expect(controls()).toHaveLength(1);
  });

  it('goes away when Save goes away', () => {
    document.body.innerHTML = FORM;
    const h = host();
    const placement = createPlacement(document, h);
    placement.sync();
    document.querySelector('.actions')!.replaceChildren();
    document.querySelector('form')!.append(h.element);
    placement.sync();
    expect(controls()).toHaveLength(0);
    expect(placement.anchor).toBeNull();
  });

  it('removes a control left by an older copy of the script', () => {
    document.body.innerHTML = FORM;
    document.getElementById('save')!.before(document.createElement(CONTROL_TAG));
    const h = host();
    createPlacement(document, h).sync();
    expect(controls()).toHaveLength(1);
    expect(controls()[0]).toBe(h.element);
  });

  it('removes itself on request', () => {
    document.body.innerHTML = FORM;
    const h = host();
    const placement = createPlacement(document, h);
    placement.sync();
    placement.remove();
    expect(controls()).toHaveLength(0);
  });
});

/** The classic form with Procore's own ERP control first in the row of Cancel and Save. */
const withProcore = (text = '+ Send to ERP', style = '') => `<form><label>Name <input></label>
  <div class="actions"><div id="procore" class="erp-actions"${style ? ` style="${style}"` : ''}>
  <span class="erp-status">Rejected</span><button type="button" id="procore-button">${text}</button>
  <button type="button">?</button></div><button type="button">Cancel</button><button id="save">Save</button></div></form>`;

const procore = () => document.getElementById('procore') as HTMLElement;

describe("standing in for Procore's own ERP control", () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('mounts in its place, looking like its button, and hides it without removing it', () => {
    document.body.innerHTML = withProcore();
    const h = host();
    const placement = createPlacement(document, h);
    expect(placement.sync()).toBe(true);
    expect(h.element.nextElementSibling).toBe(procore());
    expect(h.mount).toHaveBeenCalledWith(procore(), document.getElementById('procore-button'));
    expect(getComputedStyle(procore()).display).toBe('none');
    expect(procore().isConnected).toBe(true);
    expect(placement.sync()).toBe(false);
  });

  it.each(['+ Re-send to ERP', 'Retrieve from ERP', '+ Enviar a ERP', 'Reenviar a ERP', 'Recuperar de ERP'])(
    'recognises %j',
    (text) => {
      document.body.innerHTML = withProcore(text);
      createPlacement(document, host()).sync();
      expect(getComputedStyle(procore()).display).toBe('none');
    },
  );

  it('gives it back as it was when the control goes: its own inline display, and no trace', () => {
    document.body.innerHTML = withProcore('+ Send to ERP', 'color: red; display: inline-flex');
    const placement = createPlacement(document, host());
    placement.sync();
    placement.remove();
    expect(procore().style.getPropertyValue('display')).toBe('inline-flex');
    expect(procore().style.getPropertyValue('color')).toBe('red');
    expect(procore().getAttributeNames()).toEqual(['id', 'class', 'style']);
    expect(controls()).toHaveLength(0);
  });

  it('shows it again while the extension cannot act, and hides it once it can', () => {
    document.body.innerHTML = withProcore();
    let connected = true;
    const placement = createPlacement(document, host(), () => connected);
    placement.sync();
    connected = false;
    placement.sync();
    expect(getComputedStyle(procore()).display).not.toBe('none');
    expect(procore().getAttributeNames()).toEqual(['id', 'class']);
    connected = true;
    placement.sync();
    expect(getComputedStyle(procore()).display).toBe('none');
  });

  it('stands in again, once, when the page draws Procore’s control anew or late', () => {
    document.body.innerHTML = FORM;
    const h = host();
    const placement = createPlacement(document, h);
    placement.sync();
    expect(h.element.nextElementSibling?.id).toBe('save');
    // Drawn after the form, as the redesigned Directory does.
    document
      .querySelector('.actions')
      ?.insertAdjacentHTML('afterbegin', '<div id="procore"><button>+ Send to ERP</button></div>');
    expect(placement.sync()).toBe(true);
    expect(h.element.nextElementSibling).toBe(procore());
    procore().replaceWith(
      Object.assign(document.createElement('div'), { id: 'procore', innerHTML: '<button>Retrieve from ERP</button>' }),
    );
    expect(placement.sync()).toBe(true);
    expect(getComputedStyle(procore()).display).toBe('none');
    expect(placement.sync()).toBe(false);
    expect(controls()).toHaveLength(1);
  });

  it('leaves a control in a language it cannot read alone, stands before Save, and says why once', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      document.body.innerHTML = withProcore('+ An ERP senden');
      const h = host();
      const placement = createPlacement(document, h);
      placement.sync();
      placement.sync();
      expect(h.element.nextElementSibling?.id).toBe('save');
      expect(getComputedStyle(procore()).display).not.toBe('none');
      createPlacement(document, host()).sync();
      expect(info).toHaveBeenCalledTimes(1);
      expect(info.mock.calls[0]?.[0]).toMatch(/"an erp senden"/);
    } finally {
      info.mockRestore();
    }
  });

  it('gives back a Procore control that an older copy of this script hid', () => {
    document.body.innerHTML = withProcore();
    const old = createPlacement(document, host());
    old.sync();
    document.body.innerHTML = withProcore('+ Send to ERP').replace('<button id="save">Save</button>', '');
    document.querySelector('#procore')?.setAttribute('data-erp-resend-hidden', '');
    (document.querySelector('#procore') as HTMLElement).style.setProperty('display', 'none', 'important');
    document.querySelector('.actions')?.insertAdjacentHTML('beforeend', '<button id="save">Save</button>');
    // The new copy cannot act: Procore's control comes back in sight.
    createPlacement(document, host(), () => false).sync();
    expect(getComputedStyle(procore()).display).not.toBe('none');
  });
});
