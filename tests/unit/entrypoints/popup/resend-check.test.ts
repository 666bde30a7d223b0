import { beforeEach, expect, it, vi } from 'vitest';
import { createVendorChecker } from '@/entrypoints/popup/resend-check';

const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/contract/messaging', () => ({ sendMessage }));

const answers: ((value: unknown) => void)[] = [];

beforeEach(() => {
  answers.length = 0;
  sendMessage.mockReset();
  sendMessage.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
});

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

it('asks the background a few vendors at a time, and each vendor once', async () => {
  const check = createVendorChecker(2);
  const checks = [1, 2, 3, 2].map((vendorId) => check(8001, vendorId));
  await flush();
  expect(sendMessage).toHaveBeenCalledTimes(2);
  answers[0]!({ ok: false, error: { kind: 'network' } });
  await flush();
  expect(sendMessage).toHaveBeenCalledTimes(3);
  expect(sendMessage).toHaveBeenLastCalledWith('getVendor', {
    page: { level: 'company', companyId: 8001, vendorId: 3 },
    refresh: false,
  });
  answers[1]!({ ok: false, error: { kind: 'auth' } });
  answers[2]!({ ok: false, error: { kind: 'forbidden' } });
  const results = await Promise.all(checks);
  expect(results.map((r) => !r.ok && r.error?.kind)).toEqual(['network', 'auth', 'forbidden', 'auth']);
});

it('reports a background that does not answer as no answer, and frees its slot', async () => {
  sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
  const check = createVendorChecker(1);
  const first = check(8001, 1);
  const second = check(8001, 2);
  expect(await first).toEqual({ ok: false, error: { kind: 'no_answer' } });
  await flush();
  answers[0]!({ ok: false, error: { kind: 'timeout' } });
  expect(await second).toEqual({ ok: false, error: { kind: 'timeout' } });
});
