import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, serverDelay } from '@/entrypoints/background/api/retry';

const policy = (random: number) => ({ ...DEFAULT_BACKOFF, random: () => random });
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('backoffDelay', () => {
  it('doubles the ceiling from 500 ms with each attempt', () =>
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy(0.999999)))).toEqual([
      499, 999, 1999, 3999, 7999, 15999,
    ]));

  it('never exceeds the 30 s cap, however many attempts', () => {
    expect(backoffDelay(6, policy(0.999999))).toBe(29999);
    expect(backoffDelay(50, policy(0.999999))).toBe(29999);
    expect(backoffDelay(5000, policy(0.999999))).toBe(29999);
  });

  it('uses full jitter: anywhere from 0 up to the ceiling', () => {
    expect(backoffDelay(3, policy(0))).toBe(0);
    expect(backoffDelay(3, policy(0.5))).toBe(2000);
    expect(backoffDelay(3, policy(0.25))).toBe(1000);
  });

  it('takes base and cap from the policy', () =>
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, { base: 100, cap: 350, random: () => 0.5 }))).toEqual([
      50, 100, 175, 175,
    ]));

  it('treats a negative attempt as the first', () => expect(backoffDelay(-3, policy(0.5))).toBe(250));
});

describe('serverDelay', () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it('reads Retry-After in seconds', () => {
    expect(serverDelay(headers({ 'Retry-After': '5' }), NOW)).toBe(5000);
    expect(serverDelay(headers({ 'Retry-After': ' 12 ' }), NOW)).toBe(12000);
    expect(serverDelay(headers({ 'Retry-After': '0' }), NOW)).toBe(0);
  });

  it('reads Retry-After as an HTTP date', () => {
    expect(serverDelay(headers({ 'Retry-After': new Date(NOW + 7000).toUTCString() }), NOW)).toBe(7000);
    expect(serverDelay(headers({ 'Retry-After': 'Wed, 25 Nov 2026 12:00:03 GMT' }), NOW)).toBe(3000);
  });

  it('never waits a negative time for a date in the past', () =>
    expect(serverDelay(headers({ 'Retry-After': new Date(NOW - 60_000).toUTCString() }), NOW)).toBe(0));

  it('reads X-Rate-Limit-Reset as epoch seconds', () => {
    expect(serverDelay(headers({ 'X-Rate-Limit-Reset': String(NOW / 1000 + 9) }), NOW)).toBe(9000);
    expect(serverDelay(headers({ 'X-Rate-Limit-Reset': String(NOW / 1000 - 9) }), NOW)).toBe(0);
  });

  it('prefers Retry-After over X-Rate-Limit-Reset', () =>
    expect(serverDelay(headers({ 'Retry-After': '2', 'X-Rate-Limit-Reset': String(NOW / 1000 + 60) }), NOW)).toBe(
      2000,
    ));

  it('falls back to X-Rate-Limit-Reset when Retry-After is unreadable', () =>
    expect(serverDelay(headers({ 'Retry-After': 'soon', 'X-Rate-Limit-Reset': String(NOW / 1000 + 4) }), NOW)).toBe(
      4000,
    ));

  it('answers null when the server asked for nothing readable', () => {
    expect(serverDelay(headers({}), NOW)).toBeNull();
    for (const value of ['-5', '1.5', 'soon', ''])
      expect(serverDelay(headers({ 'Retry-After': value }), NOW)).toBeNull();
    expect(serverDelay(headers({ 'X-Rate-Limit-Reset': 'later' }), NOW)).toBeNull();
  });
});
