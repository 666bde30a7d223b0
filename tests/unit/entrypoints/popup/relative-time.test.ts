import { describe, expect, it } from 'vitest';
import { createTimeFormatter, elapsedUnit } from '@/entrypoints/popup/relative-time';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('elapsedUnit', () => {
  it.each([
    [0, { unit: 'just_now' }],
    [44_000, { unit: 'just_now' }],
    [45_000, { unit: 'minute', value: 1 }],
    [59 * MIN, { unit: 'minute', value: 59 }],
    [3 * HOUR, { unit: 'hour', value: 3 }],
    [2 * DAY, { unit: 'day', value: 2 }],
    [90 * DAY, { unit: 'month', value: 3 }],
    [800 * DAY, { unit: 'year', value: 2 }],
  ])('%i ms is %o', (ms, expected) => expect(elapsedUnit(ms)).toEqual(expected));
});

describe('createTimeFormatter', () => {
  const en = createTimeFormatter('en', NOW, 'just now');
  const es = createTimeFormatter('es', NOW, 'justo ahora');

  it('says "just now" for the last few seconds and for times in the future', () => {
    expect(en.ago(ago(10_000))).toBe('just now');
    expect(en.ago(ago(-5 * MIN))).toBe('just now');
    expect(es.ago(ago(0))).toBe('justo ahora');
  });

  it('reads like a person in English', () => {
    expect(en.ago(ago(5 * MIN))).toBe('5 min. ago');
    expect(en.ago(ago(3 * HOUR))).toBe('3 hr. ago');
    expect(en.ago(ago(2 * DAY))).toBe('2 days ago');
    expect(en.ago(ago(DAY))).toBe('yesterday');
  });

  it('reads like a person in Spanish', () => {
    expect(es.ago(ago(3 * HOUR))).toBe('hace 3 h');
    expect(es.ago(ago(5 * DAY))).toBe('hace 5 d');
  });

  it('rolls a rounded-up span into the next unit', () => {
    expect(en.ago(ago(59.6 * MIN))).toBe('1 hr. ago');
    expect(en.ago(ago(23.7 * HOUR))).toBe('yesterday');
  });

  it('says how long something has waited, at least a minute', () => {
    expect(en.since(ago(3 * HOUR))).toBe('3 hours');
    expect(en.since(ago(2 * DAY))).toBe('2 days');
    expect(en.since(ago(1000))).toBe('1 minute');
    expect(es.since(ago(2 * DAY))).toBe('2 días');
  });
});
