// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ErpControl } from '@/entrypoints/erp-control/control/ErpControl';
import { INITIAL_STATE, type ControlState, type ControlSession } from '@/entrypoints/erp-control/control/control-model';
import { useLocale } from '../../../locale';
import { request, vendor, view } from '../fixtures';

function session(patch: Partial<ControlState>) {
  const listeners = new Set<(s: ControlState) => void>();
  const s = {
    state: { ...INITIAL_STATE, ...patch },
    subscribe: (l: (s: ControlState) => void) => (listeners.add(l), () => listeners.delete(l)),
    act: vi.fn(async (_action: string, _trusted: boolean) => undefined),
    retry: vi.fn(async () => undefined),
    openOptions: vi.fn(),
    push(next: Partial<ControlState>) {
      s.state = { ...s.state, ...next };
      act(() => listeners.forEach((l) => l(s.state)));
    },
  } satisfies ControlSession & Record<string, unknown>;
  return s;
}

let root: HTMLElement;
const show = (s: ControlSession) => act(() => render(<ErpControl session={s} />, root));
const status = () => root.querySelector('[role="status"]')?.textContent ?? '';
const button = (name: string) =>
  Array.from(root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);

describe('the in-page control', () => {
  beforeEach(() => {
    useLocale('en');
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root')!;
  });

  it('says it is checking until the background answers', () => {
    show(session({}));
    expect(status()).toContain('Checking the ERP status');
    expect(root.querySelectorAll('button')).toHaveLength(0);
  });

  it('offers Send for a vendor never sent, enabled when nothing stands in the way', () => {
    show(session({ view: view() }));
    expect(status()).toContain('Not sent to the ERP yet');
    expect(button('Send to ERP')?.disabled).toBe(false);
    expect(button('Why is sending unavailable?')).toBeUndefined();
  });

  it.each([
    ['pending_acceptance', 'Retrieve from ERP', 'Waiting for approval', 'tone-waiting'],
    ['rejected', 'Re-send to ERP', 'Rejected', 'tone-returned'],
    ['retrieved', 'Re-send to ERP', 'Retrieved', 'tone-returned'],
    ['failed', 'Re-send to ERP', 'Export failed', 'tone-failed'],
  ] as const)('for a %s request shows %s and "%s" in its colour', (s, action, words, tone) => {
    show(session({ view: view({ latest: request({ status: s }) }) }));
    expect(button(action)).toBeDefined();
    expect(status()).toContain(words);
    expect(root.querySelector('[role="status"]')?.className).toContain(tone);
    expect(root.querySelector('[role="status"] .icon')?.textContent).not.toBe('');
  });

  it('shows no action while exporting or once synced, with the ERP vendor ID', () => {
    show(session({ view: view({ latest: request({ status: 'synced', erp_vendor_id: 'V-1007' }) }) }));
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect(status()).toBe('✓Synced to ERP. ERP vendor ID: V-1007');
    // One control per session: the content script remounts it for another page.
    act(() => render(null, root));
    show(session({ view: view({ vendor: vendor({ synced_to_erp: true, origin_code: 'V-2' }) }) }));
    expect(status()).toContain('ERP vendor ID: V-2');
    act(() => render(null, root));
    show(session({ view: view({ latest: request({ status: 'accepted' }) }) }));
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect(status()).toContain('Accepted, exporting');
  });

  it('shows the approver and the comment of a rejection as text, never as HTML', () => {
    const comment = '<img src=x onerror=alert(1)>';
    show(
      session({
        view: view({
          latest: request({
            status: 'rejected',
            decided_by: { id: 3, name: 'Avery <b>Approver</b>' },
            rejection_comment: comment,
          }),
        }),
      }),
    );
    expect(status()).toContain(`Rejected by Avery <b>Approver</b>. Comment: ${comment}`);
    expect(root.querySelector('img, b')).toBeNull();
  });

  it('disables sending with a "?" whose tooltip lists every reason, and describes the button by it', () => {
    show(
      session({
        view: view({ permission: 'read_only', vendor: vendor({ is_active: false }) }),
        form: { name: 'Acme Concrete Inc' },
      }),
    );
    const send = button('Send to ERP')!;
    const help = button('Why is sending unavailable?')!;
    const tip = root.querySelector('[role="tooltip"]')!;
    expect(send.disabled).toBe(true);
    expect(send.getAttribute('aria-describedby')).toBe(tip.id);
    expect(help.getAttribute('aria-describedby')).toBe(tip.id);
    expect(tip.getAttribute('popover')).toBe('manual');
    expect(Array.from(tip.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      expect.stringContaining('Admin permission'),
      expect.stringContaining('inactive'),
      expect.stringContaining('Save your changes first'),
    ]);
  });

  it('follows the form as the admin types', () => {
    const s = session({ view: view() });
    show(s);
    s.push({ form: { name: 'N'.repeat(64) } });
    expect(root.querySelector('[role="tooltip"]')?.textContent).toContain(
      'Name is 64 characters; Viewpoint Vista allows 60.',
    );
    s.push({ form: { name: 'Acme Concrete' } });
    expect(button('Send to ERP')?.disabled).toBe(false);
  });

  it('shows the server field errors with the other reasons', () => {
    show(session({ view: view(), serverReasons: [{ code: 'server', field: 'zip', message: 'is not a ZIP' }] }));
    expect(root.querySelector('[role="tooltip"]')?.textContent).toContain('ZIP Code: is not a ZIP');
  });

  it("passes whether the click was the admin's own to the store", () => {
    const s = session({ view: view() });
    show(s);
    button('Send to ERP')!.click();
    // A scripted click is not trusted: the session refuses to send on it.
    expect(s.act.mock.lastCall?.[0]).toBe('send');
    expect(s.act.mock.lastCall?.[1]).toBeFalsy();
  });

  it('shows progress while sending', () => {
    show(session({ view: view(), busy: 'send' }));
    const sending = button('Sending…')!;
    expect(sending.getAttribute('aria-busy')).toBe('true');
  });

  it('explains a failure and offers to try again', () => {
    const s = session({ view: view(), error: { kind: 'network' }, failed: 'send' });
    show(s);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain("Can't reach Procore's integration API");
    button('Try again')!.click();
    expect(s.retry).toHaveBeenCalledTimes(1);
  });

  it('lists every earlier request under a collapsed History', () => {
    const history = [
      request({
        id: 2,
        status: 'rejected',
        decided_by: { id: 3, name: 'Avery Approver' },
        decided_at: '2026-11-04T10:00:00Z',
        rejection_comment: 'Tax ID missing on W-9',
      }),
      request({ id: 1, status: 'failed', errors: ['ERP vendor ID V-1007 is already in use'] }),
    ];
    show(session({ view: view({ latest: history[0]!, history }) }));
    const details = root.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('History (2)');
    const items = Array.from(details.querySelectorAll('li')).map((li) => li.textContent);
    expect(items[0]).toMatch(
      /^Rejected\nSent .* by Alex Admin\nRejected .* by Avery Approver\nComment: Tax ID missing on W-9$/,
    );
    expect(items[1]).toContain('Errors: ERP vendor ID V-1007 is already in use');
    // No approver recorded (a retrieval, a failed export): the line names the sender.
    expect(items[1]).toMatch(/\nExport failed .* by Alex Admin\n/);
  });

  it('opens the tooltip on focus and closes it on Escape', () => {
    show(session({ view: view({ permission: 'none' }) }));
    const help = button('Why is sending unavailable?')!;
    const tip = root.querySelector<HTMLElement>('[role="tooltip"]')!;
    // happy-dom has no popover API; Chromium's is covered by the end-to-end tests.
    const shown = (tip.showPopover = vi.fn());
    const hidden = (tip.hidePopover = vi.fn());
    act(() => void help.dispatchEvent(new FocusEvent('focus')));
    expect(shown).toHaveBeenCalled();
    act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(hidden).toHaveBeenCalled();
  });

  it('links a "not connected" failure to the options page, and no other', () => {
    for (const kind of ['not_configured', 'no_permission', 'auth'] as const) {
      const s = session({ error: { kind }, failed: 'load' });
      act(() => render(null, root));
      show(s);
      button('Open options')!.click();
      expect(s.openOptions, kind).toHaveBeenCalledOnce();
      expect(button('Try again'), kind).toBeDefined();
    }
    act(() => render(null, root));
    show(session({ error: { kind: 'server' }, failed: 'load' }));
    expect(button('Open options')).toBeUndefined();
  });
});
