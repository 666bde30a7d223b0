// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_PAINT_MARK, QUEUE_MARK, RENDERED_MARK, mountPopup } from '@/components/popup/mount';
import { useLocale } from './content-locale';
import { rejected } from './queue-fixtures';

const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/messaging', () => ({ sendMessage }));

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('es');
  fakeBrowser.i18n.getUILanguage = () => 'es';
  sendMessage.mockImplementation(async (type: string) =>
    type === 'getQueue' ? { requests: [rejected('Ridge Roofing')], lastUpdated: null, error: null } : { ok: false, error: { kind: 'network' } },
  );
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

it('speaks the browser UI language, sets lang, and marks the first paint for the bench', async () => {
  await act(() => mountPopup(root));
  await vi.waitFor(() => expect(document.documentElement.dataset.firstPaint).toMatch(/^\d+$/));
  expect(document.documentElement.lang).toBe('es');
  expect(document.title).toBe('ERP Resend para Procore');
  expect(root.querySelector('h2')!.textContent).toBe('Requieren tu atención (1)');
  expect(root.querySelector('label')!.textContent).toBe('Buscar empresas');
  const [queue, rendered, painted] = [QUEUE_MARK, RENDERED_MARK, FIRST_PAINT_MARK].map((name) => performance.getEntriesByName(name));
  expect([queue, rendered, painted].map((entries) => entries!.length)).toEqual([1, 1, 1]);
  expect(queue![0]!.startTime).toBeLessThanOrEqual(rendered![0]!.startTime);
  expect(rendered![0]!.startTime).toBeLessThanOrEqual(painted![0]!.startTime);
});
