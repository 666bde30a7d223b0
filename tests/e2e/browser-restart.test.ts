/**
 * The browser closed while a send's POST is held by the server, then opened again on the same profile: the server
 * made the request; the extension finishes the same send with the same Idempotency-Key, and shows the one request.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { companyVendorPath, erpControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, launch, openIn, test } from './browser';

const CREATE = `/rest/v1.0/companies/${SUMMIT}/erp/requests`;
const HELD_MS = 3_000;

describe('the browser closed mid-send', () => {
  test('reopened on the same profile: exactly one request, shown by the control and the popup, one key', async ({
    sandbox,
  }) => {
    const profileDir = await mkdtemp(join(tmpdir(), 'erp-resend-restart-'));
    try {
      const first = await launch({ profileDir });
      const page = await openIn(first, companyVendorPath(SUMMIT, VENDORS.acme.id));
      await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
      await sandbox.fault({ method: 'POST', match: '/erp/requests', count: 1, delayMs: HELD_MS });
      await erpControl(page).send.click();
      // The POST has reached the server, which holds it: the browser goes away meanwhile.
      await eventually(async () => (await sandbox.extensionCalls()).some((call) => call.method === 'POST')).toBe(true);
      await first.close();
      // The server acts on the call it held although nobody is left to read the answer.
      await eventually(async () => (await sandbox.created()).length, HELD_MS + 5_000).toBe(1);

      const again = await launch({ profileDir });
      try {
        const reopened = await openIn(again, companyVendorPath(SUMMIT, VENDORS.acme.id));
        await eventually(() => erpControl(reopened).status.innerText()).toContain('Waiting for approval');
        const popup = await again.openPopup();
        await popup.getByText(VENDORS.acme.name).first().waitFor();
        // The woken worker finished the same send: every POST carried the first one's key.
        await eventually(
          async () => (await sandbox.extensionCalls()).filter((c) => c.method === 'POST').length,
        ).toBeGreaterThan(1);
        const posts = (await sandbox.extensionCalls()).filter((call) => call.method === 'POST' && call.path === CREATE);
        expect(new Set(posts.map((post) => post.idempotencyKey)).size).toBe(1);
        expect((await sandbox.created()).length).toBe(1);
      } finally {
        await again.close();
      }
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  });
});
