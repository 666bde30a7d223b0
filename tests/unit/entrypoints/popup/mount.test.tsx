// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_SCREEN_MARK, QUEUE_ASKED_MARK, QUEUE_MARK, mountPopup } from '@/entrypoints/popup/mount';
import { firstScreen } from '@/lib/erp/queue';
import { STORED, storagePlace } from '@/lib/extension/storage-items';

const FIRST_SCREEN_KEY = storagePlace(STORED.firstScreen).name;
import { useLocale } from '../../locale';
import { queueView, rejected } from '../../lib/erp/queue-fixtures';

const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/contract/messaging', () => ({ sendMessage }));

const queue = queueView({ requests: [rejected('Ridge Roofing')] });
let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  performance.clearMarks();
  useLocale('es');
  fakeBrowser.i18n.getUILanguage = () => 'es';
  sendMessage.mockImplementation(async (type: string) =>
    type === 'getQueue' ? queue : type === 'getBulkResend' ? null : { ok: false, error: { kind: 'network' } },
  );
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

it('speaks the browser UI language, sets lang, and paints the stored first screen, marking both answers for the bench', async () => {
  await fakeBrowser.storage.local.set({ [FIRST_SCREEN_KEY]: firstScreen(queue) });
  await act(() => mountPopup(root));
  await vi.waitFor(() => expect(performance.getEntriesByName(QUEUE_MARK)).toHaveLength(1));
  expect(document.documentElement.lang).toBe('es');
  expect(document.title).toBe('ERP Resend para Procore');
  expect(root.querySelector('h2')!.textContent).toBe('Requieren su atención (1)');
  expect(root.querySelector('label')!.textContent).toBe('Buscar empresas');
  const [screen, asked, whole] = [FIRST_SCREEN_MARK, QUEUE_ASKED_MARK, QUEUE_MARK].map(
    (name) => performance.getEntriesByName(name)[0]!,
  );
  // The worker is asked only once the first screen is up.
  expect(screen!.startTime).toBeLessThanOrEqual(asked!.startTime);
  expect(asked!.startTime).toBeLessThanOrEqual(whole!.startTime);
});

it('without a stored first screen, asks the worker at once', async () => {
  await act(() => mountPopup(root));
  await vi.waitFor(() => expect(root.querySelector('h2')?.textContent).toBe('Requieren su atención (1)'));
  expect(performance.getEntriesByName(FIRST_SCREEN_MARK)).toHaveLength(0);
  expect(performance.getEntriesByName(QUEUE_MARK)).toHaveLength(1);
});
