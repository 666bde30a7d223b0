/**
 * Times a person reads ("3 hr. ago", "just now", "2 days ago") in the browser's UI language. Pure: the caller passes
 * the locale, the current time and the "just now" wording, so tests need no browser and no fake clock.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Below this, a time is "just now" (a refresh a few seconds ago is not worth a number). */
export const JUST_NOW_MS = 45 * SECOND;

export type Elapsed = { unit: 'just_now' } | { unit: Intl.RelativeTimeFormatUnit; value: number };

/** The one unit a person would use for a span: minutes under an hour, hours under a day, and so on. */
export function elapsedUnit(ms: number): Elapsed {
  if (ms < JUST_NOW_MS) return { unit: 'just_now' };
  if (ms < HOUR) return { unit: 'minute', value: Math.max(1, Math.round(ms / MINUTE)) };
  if (ms < DAY) return { unit: 'hour', value: Math.round(ms / HOUR) };
  if (ms < 30 * DAY) return { unit: 'day', value: Math.round(ms / DAY) };
  if (ms < 365 * DAY) return { unit: 'month', value: Math.round(ms / (30 * DAY)) };
  return { unit: 'year', value: Math.round(ms / (365 * DAY)) };
}

/** Rounding can reach the next unit's size ("60 minutes"): say it in the next unit instead. */
const ROLL_OVER: Partial<Record<Intl.RelativeTimeFormatUnit, [number, Intl.RelativeTimeFormatUnit]>> = {
  minute: [60, 'hour'],
  hour: [24, 'day'],
  day: [30, 'month'],
  month: [12, 'year'],
};

function normalised(elapsed: Elapsed): Elapsed {
  if (elapsed.unit === 'just_now') return elapsed;
  const roll = ROLL_OVER[elapsed.unit];
  return roll && elapsed.value >= roll[0] ? { unit: roll[1], value: 1 } : elapsed;
}

export interface TimeFormatter {
  /** "3 hr. ago"; a time in the future (clock skew) reads as "just now". */
  ago(iso: string): string;
  /** How long since `iso`, without "ago": "3 hours", "2 days", at least "1 minute" (how long a request has waited). */
  since(iso: string): string;
}

/**
 * One formatter per render: the `Intl` objects are built once here, not once per item, so 1,000 items stay cheap.
 * `justNow` is the caller's translated "just now".
 */
export function createTimeFormatter(locale: string, now: number, justNow: string): TimeFormatter {
  const relative = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' });
  const units = new Map<string, Intl.NumberFormat>();
  const unitFormat = (unit: string): Intl.NumberFormat => {
    let format = units.get(unit);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
      units.set(unit, format);
    }
    return format;
  };
  const elapsedSince = (iso: string): Elapsed => {
    const at = Date.parse(iso);
    return normalised(elapsedUnit(Number.isNaN(at) ? 0 : now - at));
  };
  return {
    ago(iso) {
      const elapsed = elapsedSince(iso);
      return elapsed.unit === 'just_now' ? justNow : relative.format(-elapsed.value, elapsed.unit);
    },
    since(iso) {
      const elapsed = elapsedSince(iso);
      return elapsed.unit === 'just_now'
        ? unitFormat('minute').format(1)
        : unitFormat(elapsed.unit).format(elapsed.value);
    },
  };
}
