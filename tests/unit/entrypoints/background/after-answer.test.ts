import { describe, expect, it, vi } from 'vitest';
import { afterAnswer } from '@/entrypoints/background/after-answer';

describe('work after an answer', () => {
  it('starts in a task of its own, after every step of the answer already under way', async () => {
    const order: string[] = [];
    const answer = (async () => {
      afterAnswer('the work failed', async () => void order.push('work'));
      // An answer's own steps: a chain of promise turns, as a handler, the guard and the messaging library make.
      for (let step = 0; step < 20; step += 1) await Promise.resolve();
      order.push('answer');
    })();
    await answer;
    await vi.waitFor(() => expect(order).toEqual(['answer', 'work']));
  });

  it('says what failed in the console, and nothing reaches the answer', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    afterAnswer('the requests of a vendor page were not tracked', () => Promise.reject(new Error('quota')));
    await vi.waitFor(() =>
      expect(error).toHaveBeenCalledWith(
        '[erp-resend] the requests of a vendor page were not tracked',
        expect.any(Error),
      ),
    );
    error.mockRestore();
  });
});
