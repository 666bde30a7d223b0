import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../../sandbox/faults';
import type { TrackedMap } from '../../../../lib/contract/tracked-request';
import {
  gateChecks,
  OBSERVE_GRACE_MS,
  sendChecks,
  sendOf,
  soakChecks,
  statusChecks,
} from '../../../../scripts/soak/checks';
import type { FinalRequest, Intent, SoakRecords } from '../../../../scripts/soak/records';
import type { WorkerCall } from '../../../../scripts/soak/browser-watch';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const iso = (offset: number) => new Date(T0 + offset).toISOString();

function call(offset: number, fields: Partial<LogEntry> = {}): LogEntry {
  return {
    method: 'GET',
    path: '/rest/v1.0/companies/9001/erp/requests',
    query: '',
    status: 200,
    at: iso(offset),
    token: 'sandbox-token',
    idempotencyKey: null,
    companyIdHeader: null,
    body: null,
    fromPage: false,
    fault: null,
    ...fields,
  };
}

const post = (offset: number, vendorId: number, key: string, status = 201) =>
  call(offset, {
    method: 'POST',
    status,
    idempotencyKey: key,
    body: JSON.stringify({ item_type: 'vendor', item_id: vendorId }),
  });

const intent = (vendorId: number, startedAt: number, action: Intent['action'] = 'send'): Intent => ({
  companyId: 9001,
  vendorId,
  action,
  way: 'once',
  startedAt: T0 + startedAt,
  endedAt: T0 + startedAt + 1_000,
  clicks: [{ at: T0 + startedAt, kind: 'first' }],
});

const created = (id: number, vendorId: number, offset: number) => ({
  id,
  companyId: 9001,
  itemId: vendorId,
  createdAt: T0 + offset,
});

function records(fields: Partial<SoakRecords> = {}): SoakRecords {
  return {
    startedAt: T0,
    endedAt: T0 + 60_000,
    intents: [],
    created: [],
    final: [],
    seeded: new Map(),
    log: [],
    stored: {},
    notifications: [],
    errors: [],
    heap: { start: 1_000_000, end: 2_000_000 },
    stops: [],
    workerCalls: [],
    rateLimit: 3600,
    ...fields,
  };
}

const met = (rows: { check: string; ok: boolean }[]) => Object.fromEntries(rows.map((row) => [row.check, row.ok]));

describe('sendOf', () => {
  it("reads a send's company and vendor from its path and body", () => {
    expect(sendOf(post(0, 9001005, 'k'))).toEqual({ companyId: 9001, vendorId: 9001005 });
  });

  it('is null for anything that is not a send', () => {
    expect(sendOf(call(0))).toBeNull();
    expect(sendOf(call(0, { method: 'POST', path: '/rest/v1.0/companies/9001/erp/requests/5/retrieve' }))).toBeNull();
    expect(sendOf(call(0, { method: 'POST', body: '{"id":' }))).toBeNull();
  });
});

describe('sendChecks', () => {
  const [sent, keys] = ['send clicks → requests the sandbox created', 'Idempotency-Keys per click'];

  it('passes one click, one request, every attempt with one key', () => {
    const rows = sendChecks(
      records({
        intents: [intent(1, 0)],
        created: [created(10, 1, 500)],
        log: [post(100, 1, 'a', 503), post(400, 1, 'a', 0), post(900, 1, 'a', 200)],
      }),
    );
    expect(met(rows)).toEqual({ [sent]: true, [keys]: true });
    expect(rows[0]!.figure).toBe('1 clicks, 1 created, 0 missing, 0 twice');
  });

  it('fails a click that created nothing, and one that created two', () => {
    const rows = sendChecks(
      records({
        intents: [intent(1, 0), intent(2, 0)],
        created: [created(10, 2, 500), created(11, 2, 900)],
      }),
    );
    expect(met(rows)[sent]).toBe(false);
    expect(rows[0]!.figure).toBe('2 clicks, 2 created, 1 missing, 1 twice');
    expect(rows[0]!.details).toEqual([
      expect.stringMatching(/^vendor 1 \(once/),
      expect.stringMatching(/^vendor 2 \(once.*created \[10, 11\]/),
    ]);
  });

  it('gives each click the time until the next click on the same vendor', () => {
    const rows = sendChecks(
      records({
        intents: [intent(1, 0), intent(1, 10_000, 'retrieve'), intent(1, 20_000)],
        created: [created(10, 1, 500), created(11, 1, 15_000), created(12, 1, 20_500)],
      }),
    );
    // The request created after the retrieve click belongs to no send click: a repeat.
    expect(rows[0]!.figure).toBe('2 clicks, 3 created, 0 missing, 1 twice');
    expect(rows[0]!.details).toContain('created outside any click: requests 11');
  });

  it('fails a click whose attempts carried two keys', () => {
    const rows = sendChecks(
      records({
        intents: [intent(1, 0)],
        created: [created(10, 1, 500)],
        log: [post(100, 1, 'a', 503), post(900, 1, 'b', 201), post(950, 2, 'c', 201)],
      }),
    );
    expect(met(rows)).toEqual({ [sent]: true, [keys]: false });
    expect(rows[1]!.figure).toBe('3 POSTs; 1 clicks whose attempts had more than one key');
  });

  it("allows a new key for a click made again after the first one's error, not for a double click's second", () => {
    const clickedAgain = {
      ...intent(1, 0),
      clicks: [
        { at: T0, kind: 'first' as const },
        { at: T0 + 8_000, kind: 'again' as const },
      ],
    };
    const doubled = {
      ...intent(2, 0),
      clicks: [
        { at: T0, kind: 'first' as const },
        { at: T0, kind: 'double' as const },
      ],
    };
    const rows = sendChecks(
      records({
        intents: [clickedAgain, doubled],
        created: [created(10, 1, 500), created(11, 2, 500)],
        log: [post(100, 1, 'a', 201), post(8_100, 1, 'b', 409), post(100, 2, 'c', 201), post(120, 2, 'd', 409)],
      }),
    );
    expect(rows[1]!.figure).toBe('4 POSTs; 1 clicks whose attempts had more than one key');
    expect(rows[1]!.details).toEqual([expect.stringMatching(/^vendor 2 \(once, clicks first \+0, double \+0 ms\)/)]);
  });

  it("leaves out the sandbox pages' own calls", () => {
    const rows = sendChecks(
      records({
        intents: [intent(1, 0)],
        created: [created(10, 1, 500)],
        log: [post(100, 1, 'a'), { ...post(200, 1, 'page-key'), fromPage: true }],
      }),
    );
    expect(met(rows)[keys]).toBe(true);
  });
});

describe('statusChecks', () => {
  const final = (id: number, status: string, createdAt = -86_400_000): FinalRequest => ({
    id,
    companyId: 9001,
    itemId: 100 + id,
    status,
    createdAt: T0 + createdAt,
  });
  const stored = (...entries: [number, string][]): TrackedMap =>
    Object.fromEntries(
      entries.map(([id, status]) => [
        `9001:${id}`,
        {
          request: { id, item_id: 100 + id, status, updated_at: iso(0) },
          companyId: 9001,
          origin: 'http://127.0.0.1',
          notifiedStatus: status,
        } as unknown as TrackedMap[string],
      ]),
    );
  const seeded = new Map([
    ['9001:1', 'pending_acceptance'],
    ['9001:2', 'pending_acceptance'],
    ['9001:3', 'synced'],
  ]);

  it('passes when storage holds every final status and each change was told exactly once', () => {
    const rows = statusChecks(
      records({
        final: [final(1, 'rejected'), final(2, 'retrieved'), final(3, 'synced'), final(4, 'pending_acceptance', 500)],
        seeded,
        stored: stored([1, 'rejected'], [2, 'retrieved'], [3, 'synced'], [4, 'pending_acceptance']),
        // An intermediate status may be told too; a retrieve and a new send are not.
        notifications: ['erp:9001:101:1:accepted', 'erp:9001:101:1:rejected'],
      }),
    );
    expect(rows.map((row) => row.ok)).toEqual([true, true]);
    expect(rows[0]!.figure).toBe('3 changed or created, 0 of 4 missing or stale');
  });

  it('fails a status storage does not hold, a change never told and one told twice', () => {
    const rows = statusChecks(
      records({
        final: [final(1, 'rejected'), final(2, 'synced'), final(3, 'synced')],
        seeded,
        stored: stored([1, 'pending_acceptance'], [2, 'synced']),
        notifications: ['erp:9001:101:1:rejected', 'erp:9001:101:1:rejected'],
      }),
    );
    expect(rows.map((row) => row.ok)).toEqual([false, false]);
    expect(rows[0]!.details).toEqual([
      expect.stringContaining('request 1 (company 9001): sandbox rejected, storage pending_acceptance'),
      'request 3 (company 9001): sandbox synced, storage none',
    ]);
    expect(rows[1]!.figure).toBe('2 shown for 2 changes, 1 missing, 1 repeated');
  });
});

describe('gateChecks', () => {
  const url = 'http://127.0.0.1:1/rest/v1.0/companies/9001/erp/requests';
  const sent = (offset: number, fields: Partial<WorkerCall> = {}): WorkerCall => ({
    method: 'GET',
    url,
    sentAt: T0 + offset,
    status: 200,
    answeredAt: T0 + offset + 5,
    ...fields,
  });
  const limited = (offset: number) => sent(offset, { status: 429, retryAfter: 2, answeredAt: T0 + offset });
  const closed = "calls sent while the gate was closed (after a 429's Retry-After)";

  it("counts what the worker sent after a 429 came back and before its Retry-After, past the gate's moment", () => {
    const rows = gateChecks(
      records({ workerCalls: [limited(0), sent(OBSERVE_GRACE_MS - 10), sent(1_000), sent(1_998), sent(2_001)] }),
    );
    expect(met(rows)[closed]).toBe(false);
    expect(rows[1]!.figure).toBe('1 (after 1 429s; 0 more while the worker stopped)');
    expect(rows[1]!.details).toEqual([
      'GET /rest/v1.0/companies/9001/erp/requests sent 1000.0 ms after a 429 came back',
    ]);
  });

  it('leaves out a 429 answered while the worker was being stopped: it may never have reached it', () => {
    const rows = gateChecks(
      records({ workerCalls: [limited(0), sent(1_000)], stops: [{ from: T0 - 100, to: T0 + 100 }] }),
    );
    expect(rows[1]).toMatchObject({ ok: true, figure: '0 (after 0 429s; 1 more while the worker stopped)' });
  });

  it("passes when the calls waited, and fails 429s the server's budget itself sent", () => {
    const rows = gateChecks(
      records({
        workerCalls: [limited(0), sent(2_000)],
        log: [
          call(0, { status: 429, fault: { rate: 0.05, status: 429, retryAfter: 2 } }),
          call(3_000, { status: 429 }),
        ],
      }),
    );
    expect(met(rows)).toEqual({ 'API calls vs the budget': false, [closed]: true });
  });
});

describe('soakChecks', () => {
  it('fails on any console error, in the worker or a page', () => {
    const rows = soakChecks(records({ errors: [{ where: 'worker', text: 'TypeError: x\n at y' }] }));
    const row = rows.find((r) => r.check.startsWith('unhandled errors'))!;
    expect(row).toMatchObject({ ok: false, figure: 'worker 1, pages 0', details: ['worker: TypeError: x'] });
  });

  it('passes a quiet run and prints the heap', () => {
    const rows = soakChecks(records());
    expect(rows.every((row) => row.ok)).toBe(true);
    expect(rows.at(-1)!.figure).toBe('1.0 MB → 1.9 MB');
  });
});
