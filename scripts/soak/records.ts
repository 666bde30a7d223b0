/** What the soak's actors did and what the sandbox and the extension hold at the end: the checks' input. */
import type { TrackedMap } from '../../lib/contract/tracked-request';
import type { LogEntry } from '../../sandbox/faults';
import type { Logged, WorkerCall } from './browser-watch';

/** One thing an admin meant to do on a vendor's page, however many clicks it took. */
export interface Intent {
  companyId: number;
  vendorId: number;
  action: 'send' | 'retrieve';
  /** Once; twice in a row (a double click); or in two tabs of the same vendor at once. */
  way: 'once' | 'double' | 'two-tabs';
  /** Epoch ms. */
  startedAt: number;
  endedAt: number;
  /**
   * Each click (epoch ms): the first; a double click's second; the other tab's; and clicks again after an error,
   * once the control offered the button again. All but a double click's second are deliberate: each may be a new send
   * with a new key once the one before it has ended; what one click's retries send carries that click's key.
   */
  clicks: { at: number; kind: 'first' | 'double' | 'other-tab' | 'again' }[];
}

/** A request as the sandbox holds it at the end. */
export interface FinalRequest {
  id: number;
  companyId: number;
  itemId: number;
  status: string;
  /** Epoch ms; the requests created during the run are those after the run's start. */
  createdAt: number;
}

export interface SoakRecords {
  startedAt: number;
  endedAt: number;
  intents: Intent[];
  /** Requests created by POST (replays not counted), with their company. */
  created: { id: number; companyId: number; itemId: number; createdAt: number }[];
  /** Every request of the soak's companies in the sandbox at the end, and the status each had at the start. */
  final: FinalRequest[];
  seeded: Map<string, string>;
  /** The sandbox's call log. */
  log: LogEntry[];
  /** The same calls as the worker made them, with its own times (the DevTools network events). */
  workerCalls: WorkerCall[];
  /** The extension's tracked requests at the end. */
  stored: TrackedMap;
  notifications: string[];
  errors: Logged[];
  heap: { start: number | null; end: number | null };
  /** When each service worker stop was asked for and when it had stopped (epoch ms). */
  stops: { from: number; to: number }[];
  /** The sandbox's hourly limit per token. */
  rateLimit: number;
}
