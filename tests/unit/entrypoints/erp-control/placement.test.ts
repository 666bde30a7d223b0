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
