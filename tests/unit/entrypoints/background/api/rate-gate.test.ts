import { describe, expect, it } from 'vitest';
import {
  createRateGate,
  SPIKE_CALLS,
  SPIKE_RESERVE,
  SPIKE_WINDOW_MS,
  UNNAMED_WAIT_MS,
  type CallKind,
  type GateClock,
} from '@/entrypoints/background/api/rate-gate';

/** Lets promise callbacks run, so that what the gate released is recorded at the time it was released. */
const settle = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

/** A clock that moves only when told, running the timers that fall due. */
function fakeClock(start = 1_000_000) {
  let now = start;
  let timers: { at: number; run: () => void }[] = [];
  const clock: GateClock = { now: () => now, after: (ms, run) => void timers.push({ at: now + ms, run }) };
  const advance = async (ms: number) => {
    await settle();
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.run();
      await settle();
    }
    now = until;
    await settle();
  };
  return { clock, advance, time: () => now };
}

const headers = (values: Record<string, string | number>) =>
  new Headers(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));

/** Starts a call of each kind given and records, in order, when each one was let through. */
function calls(gate: ReturnType<typeof createRateGate>, time: () => number, kinds: CallKind[]) {
  const through: { kind: CallKind; at: number }[] = [];
  for (const kind of kinds) void gate.pass(kind).then(() => through.push({ kind, at: time() }));
  return through;
}

describe('the rate-limit gate', () => {
  it('lets calls through at once while nothing limits them', async () => {
    const { clock, time } = fakeClock();
    const gate = createRateGate({ clock });
    const through = calls(gate, time, ['poll', 'page', 'send']);
    await settle();
    expect(through.map((c) => c.kind)).toEqual(['poll', 'page', 'send']);
  });

  it('after a 429 lets nothing through until Retry-After has passed, then sends before pages before polls', async () => {
    const { clock, advance, time } = fakeClock();
    const gate = createRateGate({ clock });
    const start = time();
    gate.observe(429, headers({ 'Retry-After': 5 }));
    const through = calls(gate, time, ['poll', 'page', 'send', 'poll', 'send']);
    await advance(4_999);
    expect(through).toEqual([]);
    await advance(1);
    expect(through.map((c) => c.kind)).toEqual(['send', 'send', 'page', 'poll', 'poll']);
    expect(through.every((c) => c.at === start + 5_000)).toBe(true);
  });

  it('without Retry-After waits for X-Rate-Limit-Reset, and without either for a default wait', async () => {
    const { clock, advance, time } = fakeClock(1_000_000);
    const gate = createRateGate({ clock });
    gate.observe(429, headers({ 'X-Rate-Limit-Reset': (1_000_000 + 8_000) / 1000 }));
    const first = calls(gate, time, ['page']);
    await advance(7_999);
    expect(first).toEqual([]);
    await advance(1);
    expect(first).toHaveLength(1);

    gate.observe(429, new Headers());
    const second = calls(gate, time, ['page']);
    await advance(UNNAMED_WAIT_MS - 1);
    expect(second).toEqual([]);
    await advance(1);
    expect(second).toHaveLength(1);
  });

  it('a later 429 never shortens a wait already asked for', async () => {
    const { clock, advance, time } = fakeClock();
    const gate = createRateGate({ clock });
    gate.observe(429, headers({ 'Retry-After': 10 }));
    gate.observe(429, headers({ 'Retry-After': 1 }));
    const through = calls(gate, time, ['send']);
    await advance(9_999);
    expect(through).toEqual([]);
    await advance(1);
    expect(through).toHaveLength(1);
  });

  it('reads the budget from the headers the server sends, not a constant, and counts down the calls since', async () => {
    const { clock, time } = fakeClock(1_000_000);
    const gate = createRateGate({ clock });
    expect(gate.budget()).toBeNull();
    gate.observe(
      200,
      headers({ 'X-Rate-Limit-Limit': 600, 'X-Rate-Limit-Remaining': 412, 'X-Rate-Limit-Reset': 2_000 }),
    );
    expect(gate.budget()).toEqual({ limit: 600, remaining: 412, resetAt: 2_000_000 });
    calls(gate, time, ['poll', 'poll']);
    await settle();
    expect(gate.budget()?.remaining).toBe(410);
  });

  it('holds every call while the reported window is spent, until it resets', async () => {
    const { clock, advance, time } = fakeClock(1_000_000);
    const gate = createRateGate({ clock });
    gate.observe(200, headers({ 'X-Rate-Limit-Limit': 25, 'X-Rate-Limit-Remaining': 0, 'X-Rate-Limit-Reset': 1_003 }));
    const through = calls(gate, time, ['send']);
    await advance(2_999);
    expect(through).toEqual([]);
    await advance(1);
    expect(through).toHaveLength(1);
  });

  it('slows polls before any 429: they wait once the window is down to its reserve; pages and sends still go', () => {
    const { clock } = fakeClock(1_000_000);
    const gate = createRateGate({ clock });
    gate.observe(
      200,
      headers({ 'X-Rate-Limit-Limit': 600, 'X-Rate-Limit-Remaining': 200, 'X-Rate-Limit-Reset': 4_600 }),
    );
    expect(gate.pollsShouldWait()).toBe(false);
    gate.observe(
      200,
      headers({ 'X-Rate-Limit-Limit': 600, 'X-Rate-Limit-Remaining': 59, 'X-Rate-Limit-Reset': 4_600 }),
    );
    expect(gate.pollsShouldWait()).toBe(true);
    // The window resets: polls may go again.
    const later = createRateGate({ clock: { ...clock, now: () => 4_600_001 } });
    expect(later.pollsShouldWait()).toBe(false);
  });

  it('polls also wait while the gate is closed after a 429', () => {
    const { clock } = fakeClock();
    const gate = createRateGate({ clock });
    gate.observe(429, headers({ 'Retry-After': 5 }));
    expect(gate.pollsShouldWait()).toBe(true);
  });

  it('spreads a burst: ten tabs of four calls go at most SPIKE_CALLS per 10 seconds, none refused', async () => {
    const { clock, advance, time } = fakeClock();
    const gate = createRateGate({ clock });
    const start = time();
    const through = calls(
      gate,
      time,
      Array.from({ length: 40 }, () => 'page' as const),
    );
    await advance(3 * SPIKE_WINDOW_MS);
    expect(through).toHaveLength(40);
    for (const call of through) {
      const inWindow = through.filter((other) => other.at > call.at - SPIKE_WINDOW_MS && other.at <= call.at);
      expect(inWindow.length).toBeLessThanOrEqual(SPIKE_CALLS);
    }
    expect(through.at(-1)!.at - start).toBeLessThan(2 * SPIKE_WINDOW_MS + 1);
  });
});

describe('polls beside pages and sends in the spike window', () => {
  it('polls leave SPIKE_RESERVE calls of every window to pages and sends, which then go at once', async () => {
    const { clock, advance, time } = fakeClock();
    const gate = createRateGate({ clock });
    const start = time();
    const polls = calls(
      gate,
      time,
      Array.from({ length: SPIKE_CALLS }, () => 'poll' as const),
    );
    await settle();
    expect(polls).toHaveLength(SPIKE_CALLS - SPIKE_RESERVE);
    const others = calls(gate, time, ['page', 'send', 'page', 'page', 'send']);
    await settle();
    expect(others.map((c) => c.at - start)).toEqual([0, 0, 0, 0, 0]);
    // The window is full now: the next page waits for it, then goes before the polls still waiting.
    const late = calls(gate, time, ['page']);
    await advance(SPIKE_WINDOW_MS);
    expect(late.map((c) => c.at - start)).toEqual([SPIKE_WINDOW_MS]);
    expect(polls).toHaveLength(SPIKE_CALLS);
  });
});

describe('the 429 wait kept across worker restarts', () => {
  it('keeps the wait, and a new gate (a woken worker) waits it out before its first call', async () => {
    const { clock, advance, time } = fakeClock();
    let kept = 0;
    const held = { load: async () => kept, save: async (until: number) => void (kept = until) };
    const before = createRateGate({ clock, held });
    before.observe(429, headers({ 'Retry-After': 5 }));
    expect(kept).toBe(time() + 5_000);

    const after = createRateGate({ clock, held });
    await advance(1_000);
    const through = calls(after, time, ['send']);
    await advance(3_999);
    expect(through).toEqual([]);
    await advance(1);
    expect(through).toHaveLength(1);
  });

  it('a store that cannot be read holds nothing back', async () => {
    const { clock, time } = fakeClock();
    const gate = createRateGate({
      clock,
      held: { load: () => Promise.reject(new Error('gone')), save: async () => {} },
    });
    const through = calls(gate, time, ['page']);
    await settle();
    expect(through).toHaveLength(1);
  });
});
