/**
 * Keeping the tracked requests and telling of their changes: requests learnt from the API or created by a send go
 * into storage; each change is then notified once, counted on the badge, pushed to the tabs showing its vendor, and
 * polled for while anything is open. A 401 anywhere stops polling until the settings change.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import type { UserError } from '@/lib/contract/errors';
import { trackedKey } from '@/lib/contract/keys';
import type { TrackedRequest } from '@/lib/contract/tracked-request';
import type { Settings } from '@/lib/extension/settings';
import { ofWhom } from '@/lib/erp/whose';
import { badgeCount, showBadge } from './badge';
import { dueNotifications, markNotified, showNotification } from './notifications';
import type { KeptViews } from './kept-views';
import type { StoredItems } from './stored-items';
import type { TabWatchers } from './tab-watchers';
import { mergeRequests, prune, recordSent } from './tracked-requests';

export interface TrackingDeps {
  stored: StoredItems;
  settings: () => Promise<Settings>;
  watchers: TabWatchers;
  /** The vendor views kept for pages: those a change makes out of date are not shown again. */
  keptViews: Pick<KeptViews, 'outdated'>;
  /** Starts or stops polling to match what is open (the poller's `schedule`). */
  schedule: () => Promise<void>;
  now: () => number;
}

export interface Tracking {
  /** Requests learnt from the API for a company: merged in, and their status changes told. */
  record(companyId: number, requests: ErpRequest[]): Promise<void>;
  /** A request this extension just created. */
  recordSent(target: { companyId: number; origin: string }, request: ErpRequest): Promise<void>;
  /** After the tracked requests changed (a poll, a send): notify once per change, badge, tell tabs, poll if needed. */
  afterChange(changed: TrackedRequest[]): Promise<void>;
  /** A failure the popup and badge must show: a 401 stops polling. */
  noteError(error: UserError): Promise<void>;
  refreshBadge(): Promise<void>;
}

export function createTracking({ stored, settings, watchers, keptViews, schedule, now }: TrackingDeps): Tracking {
  const refreshBadge = async () => {
    const [current, tracked, state] = await Promise.all([settings(), stored.tracked.get(), stored.poll.get()]);
    if (!current.badge) return showBadge({ kind: 'off' });
    if (state.authError) return showBadge({ kind: 'auth_error' });
    return showBadge({
      kind: 'count',
      count: badgeCount(tracked, current.badgeEveryone ? 'everyone' : 'mine', state.me),
    });
  };

  const afterChange = async (changed: TrackedRequest[]) => {
    let due: TrackedRequest[] = [];
    await stored.tracked.update((tracked) => {
      due = dueNotifications(tracked);
      // Marked before showing: a worker stopped in between loses one notification rather than repeating it. A
      // colleague's change not shown is marked too, so turning the option on later does not bring back old news.
      return markNotified(prune(tracked, now()), due);
    });
    const [current, { me }] = await Promise.all([settings(), stored.poll.get()]);
    if (current.notifications) {
      const told = ofWhom(due, current.notifyEveryone ? 'everyone' : 'mine', me);
      await Promise.all(
        told.map((entry) => showNotification(entry).catch((err) => console.warn('[erp-resend] notification', err))),
      );
    }
    await refreshBadge();
    await keptViews.outdated(changed);
    await watchers.notify(changed.map((e) => ({ companyId: e.companyId, vendorId: e.request.item_id })));
    await schedule();
  };

  return {
    afterChange,
    refreshBadge,
    async record(companyId, requests) {
      const origin = (await stored.companies.get())[companyId]?.origin ?? '';
      let changed: TrackedRequest[] = [];
      let learnt = false;
      await stored.tracked.update((tracked) => {
        const merged = mergeRequests(tracked, { companyId, origin, requests });
        // Requests seen for the first time are history, not news for other tabs; status changes are.
        changed = merged.changed.filter((e) => tracked[trackedKey(e.companyId, e.request.id)]);
        learnt = merged.changed.length > 0;
        return merged.next;
      });
      // Nothing new and no status changed (a vendor page or a Directory list seen again): no notification is due and
      // the badge stands, so the passes over every tracked request are not made (the start's upkeep prunes).
      if (learnt) await afterChange(changed);
    },
    async recordSent(target, request) {
      await stored.tracked.update((tracked) => recordSent(tracked, target.companyId, target.origin, request));
      await afterChange([{ companyId: target.companyId, request, origin: target.origin, notifiedStatus: null }]);
    },
    async noteError(error) {
      if (error.kind !== 'auth') return;
      await stored.poll.update((s) => ({ ...s, authError: error }));
      await refreshBadge();
      await schedule();
    },
  };
}
