// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/entrypoints/options/Options';
import { parseDraft } from '@/entrypoints/options/options-form';
import { defaultSettings, loadSettings, saveSettings } from '@/lib/extension/settings';
import { useLocale } from '../../locale';

const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/contract/messaging', () => ({ sendMessage }));

const draft = {
  apiUrl: 'https://erp.example.com/',
  token: ' tok ',
  pollSeconds: '90',
  notifications: true,
  badge: false,
  notifyEveryone: true,
  badgeEveryone: false,
};

describe('parseDraft', () => {
  it('turns the form into settings, trimmed, with the origin to ask for', () => {
    expect(parseDraft(draft)).toEqual({
      ok: true,
      origin: 'https://erp.example.com',
      settings: {
        apiUrl: 'https://erp.example.com',
        token: 'tok',
        pollSeconds: 90,
        notifications: true,
        badge: false,
        notifyEveryone: true,
        badgeEveryone: false,
      },
    });
  });
  it('names every wrong field at once', () => {
    expect(parseDraft({ ...draft, apiUrl: 'erp.example.com', token: '', pollSeconds: '10' })).toEqual({
      ok: false,
      errors: { apiUrl: 'optionsInvalidUrl', token: 'optionsInvalidToken', pollSeconds: 'optionsInvalidPoll' },
    });
    expect(parseDraft({ ...draft, pollSeconds: '30.5' })).toMatchObject({
      ok: false,
      errors: { pollSeconds: 'optionsInvalidPoll' },
    });
  });
});

describe('options page', () => {
  let root: HTMLElement;
  let request: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    fakeBrowser.reset();
    useLocale('en');
    sendMessage.mockReset();
    request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as unknown as typeof fakeBrowser.permissions.request;
    await saveSettings({ ...defaultSettings(''), apiUrl: 'https://erp.example.com', token: 'old-token' });
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<Options />, root));
    await vi.waitFor(() => expect(root.querySelector('form')).not.toBeNull());
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const byLabel = (text: string) => {
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent === text)!;
    return root.querySelector<HTMLInputElement>(`#${label.htmlFor}`)!;
  };
  const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
  const type = async (input: HTMLInputElement, value: string) =>
    act(() => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const status = () => root.querySelector('[role="status"]')!.textContent;

  it('labels every control and masks the token until asked to show it', async () => {
    for (const label of ['Integration API URL', 'API token', 'Check for status changes every (seconds)'])
      expect(byLabel(label)).toBeTruthy();
    expect(byLabel('API token').type).toBe('password');
    expect(byLabel('API token').getAttribute('aria-describedby')).toBe('token-help');
    await act(() => button('Show token').click());
    expect(byLabel('API token').type).toBe('text');
    expect(button('Show token').getAttribute('aria-pressed')).toBe('true');
  });

  it('tests the connection as typed and says who it is', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: { id: 1, login: 'alex.admin@example.com', name: 'Alex Admin' } });
    await type(byLabel('API token'), 'new-token');
    await act(async () => button('Test connection').click());
    await vi.waitFor(() => expect(status()).toBe('Connected as Alex Admin (alex.admin@example.com)'));
    expect(sendMessage).toHaveBeenCalledWith('testConnection', {
      baseUrl: 'https://erp.example.com',
      token: 'new-token',
    });
    expect(request).toHaveBeenCalledWith({ origins: ['https://erp.example.com/*'] });
  });

  it('words a failed test as the error sentence', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: { kind: 'auth', status: 401 } });
    await act(async () => button('Test connection').click());
    await vi.waitFor(() => expect(status()).toContain('Check the API token'));
  });

  it('saves, asking for the new API origin, and says when the browser refused', async () => {
    request.mockResolvedValue(false);
    await type(byLabel('Integration API URL'), 'https://gateway.example.org/erp/');
    await type(byLabel('Check for status changes every (seconds)'), '120');
    await act(async () => root.querySelector('form')!.requestSubmit());
    await vi.waitFor(() => expect(status()).toContain('did not allow access to https://gateway.example.org'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://gateway.example.org/*'] });
    expect(await loadSettings()).toMatchObject({
      apiUrl: 'https://gateway.example.org/erp',
      pollSeconds: 120,
      token: 'old-token',
    });
  });

  it('refuses a poll interval under 30 seconds, saying why next to the field', async () => {
    await type(byLabel('Check for status changes every (seconds)'), '5');
    await act(async () => root.querySelector('form')!.requestSubmit());
    const field = byLabel('Check for status changes every (seconds)');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#pollSeconds-error')!.textContent).toBe(
      'Enter a whole number of seconds from 30 to 3600.',
    );
    expect((await loadSettings()).pollSeconds).toBe(60);
  });

  it('says nothing about a first step once an integration API is set up', () => {
    expect(root.textContent).not.toContain('Connect ERP Resend to your company');
  });
});

describe('options page, first run', () => {
  it('starts with the step to connect the integration API, which goes once saved', async () => {
    fakeBrowser.reset();
    useLocale('en');
    fakeBrowser.permissions.request = vi.fn(async () => true) as unknown as typeof fakeBrowser.permissions.request;
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<Options />, root));
    await vi.waitFor(() => expect(root.querySelector('form')).not.toBeNull());
    expect(root.querySelector('.intro')?.textContent).toContain('Connect ERP Resend to your company');
    const field = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
    await act(() => {
      field('apiUrl').value = 'https://erp.example.com';
      field('apiUrl').dispatchEvent(new Event('input', { bubbles: true }));
      field('token').value = 'a-token';
      field('token').dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    await vi.waitFor(() => expect(root.querySelector('.intro')).toBeNull());
    render(null, root);
    root.remove();
  });
});
