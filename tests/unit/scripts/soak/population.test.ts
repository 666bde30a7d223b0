import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../sandbox/server';
import { sandboxControl } from '../../../../scripts/sandbox-control';
import {
  companiesOf,
  SOAK_COMPANIES,
  soakSeed,
  soakVendorId,
  takenErpVendorId,
  trackedOf,
} from '../../../../scripts/soak/population';
import { seededRandom } from '../../../../scripts/soak/random';

describe('the soak population', () => {
  const db = soakSeed();
  const soakRequests = db.requests.filter((r) => SOAK_COMPANIES.includes(r.companyId));

  it('has 1,000 requests over 10 companies, in every status a vendor ends a week in', () => {
    expect(SOAK_COMPANIES).toHaveLength(10);
    expect(soakRequests).toHaveLength(1000);
    expect(new Set(soakRequests.map((r) => r.status))).toEqual(
      new Set(['pending_acceptance', 'rejected', 'failed', 'retrieved', 'synced']),
    );
    expect(new Set(soakRequests.map((r) => r.id)).size).toBe(1000);
    expect(db.nextRequestId).toBeGreaterThan(Math.max(...db.requests.map((r) => r.id)));
  });

  it('marks the vendors of synced requests synced, under the ERP vendor ID they were accepted with', () => {
    for (const request of soakRequests.filter((r) => r.status === 'synced')) {
      const vendor = db.vendors.find((v) => v.id === request.item_id)!;
      expect(vendor).toMatchObject({ synced_to_erp: true, origin_code: request.erp_vendor_id });
    }
  });

  it('is tracked by the extension as it stands, already told, with its companies known', () => {
    const tracked = trackedOf(db, 'http://127.0.0.1:1');
    expect(Object.keys(tracked)).toHaveLength(1000);
    const first = soakRequests[0]!;
    expect(tracked[`${first.companyId}:${first.id}`]).toMatchObject({
      companyId: first.companyId,
      notifiedStatus: first.status,
      request: { id: first.id, item_id: first.item_id, status: first.status },
    });
    expect(tracked[`${first.companyId}:${first.id}`]!.request).not.toHaveProperty('companyId');
    expect(Object.keys(companiesOf('http://127.0.0.1:1'))).toEqual(SOAK_COMPANIES.map(String));
  });

  it('fails the export of a request accepted under the taken ERP vendor ID, as the approver means it to', async () => {
    const sandbox = await startSandbox({ port: 0, syncDelayMs: 20, seed: soakSeed });
    try {
      const control = sandboxControl(sandbox.url);
      const [waiting] = await control.requests(9001, 'pending_acceptance');
      await control.decide(9001, waiting!.id, 'accept', {
        vendor_type: 'supplier',
        erp_vendor_id: takenErpVendorId(9001),
      });
      await new Promise((done) => setTimeout(done, 100));
      const after = (await control.requests(9001)).find((r) => r.id === waiting!.id);
      expect(after).toMatchObject({ status: 'failed' });
      // The approver's calls are the approver page's: not in the extension's log.
      expect(await control.extensionCalls()).toEqual([]);
      expect(soakVendorId(9001, 7)).toBe(9_001_007);
    } finally {
      await sandbox.close();
    }
  });
});

describe('seededRandom', () => {
  it('repeats its choices for the same seed and stays in bounds', () => {
    const draws = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 50 }, () => random.between(3, 7));
    };
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
    expect(new Set(draws(42))).toEqual(new Set([3, 4, 5, 6, 7]));
    expect(() => seededRandom(1).pick([])).toThrow();
  });
});
