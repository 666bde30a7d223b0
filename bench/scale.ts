/**
 * A company with 10,000 requests over 3,000 vendors, one sent every hour for 14 months: the list calls of a poll, and
 * the bytes the tracked requests take in `storage.local` (stored as one JSON string, `STORED.tracked`) before and after
 * the pruning each worker start and poll applies, beside Chrome's quota. No browser: the background's own functions.
 */
import { knownCompanies, planPoll } from '../entrypoints/background/poll-plan';
import { prune } from '../entrypoints/background/tracked-requests';
import { latestPerVendor } from '../lib/erp/latest-request';
import { trackedMap } from './tracked-seed';

/** `chrome.storage.local.QUOTA_BYTES` without the unlimitedStorage permission, which this extension does not ask. */
export const STORAGE_QUOTA_BYTES = 10_485_760;

export const SCALE = { requests: 10_000, vendors: 3_000, spacingMs: 3_600_000 } as const;

export interface ScaleFigures {
  listCallsPerPoll: number;
  storedBytes: number;
  kept: number;
  keptBytes: number;
  vendorsShown: number;
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(JSON.stringify(value)));

export function scaleFigures(now = Date.now()): ScaleFigures {
  const tracked = trackedMap(SCALE.requests, 'https://app.procore.com', SCALE, now);
  const companies = knownCompanies({}, tracked);
  const cursors = Object.fromEntries(companies.map((id) => [id, { since: new Date(now).toISOString(), etag: null }]));
  const kept = prune(tracked, now);
  return {
    listCallsPerPoll: planPoll(companies, cursors, now).length,
    storedBytes: bytesOf(tracked),
    kept: Object.keys(kept).length,
    keptBytes: bytesOf(kept),
    vendorsShown: latestPerVendor(Object.values(kept)).length,
  };
}
