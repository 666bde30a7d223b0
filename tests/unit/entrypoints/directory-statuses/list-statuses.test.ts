// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErpRequest } from '@/lib/contract/api-bodies';
import { fail, ok, type Result } from '@/lib/contract/errors';
import { createListStatuses, QUIET_AFTER_FAILURE_MS } from '@/entrypoints/directory-statuses/list-statuses';
import { STATUS_TAG } from '@/lib/procore/selectors';
import { requestRecord } from '../../records';
import { useLocale } from '../../locale';

const rejected = requestRecord({
  id: 3,
  item_id: 106,
  status: 'rejected',
  rejection_comment: 'Tax ID missing on W-9',
  decided_by: { id: 3, name: 'Avery Approver' },
  sent_by: { id: 4, name: 'Jordan Lee' },
});
const waiting = requestRecord({ id: 4, item_id: 105, status: 'pending_acceptance' });

/** The list as Procore's app draws it: every draw makes new rows. */
function drawList(ids: number[]): void {
  document.body.innerHTML = `<table><tbody>${ids
    .map(
      (id) =>
        `<tr><th scope="row">Vendor ${id}</th><td><a href="/8001/company/directory/vendors/${id}/edit">Edit</a></td></tr>`,
    )
    .join('')}</tbody></table>`;
}

const tagOf = (id: number) => {
  const link = document.querySelector(`a[href$="/vendors/${id}/edit"]`);
  return link?.closest('tr')?.querySelector(STATUS_TAG) ?? null;
};
const tagText = (id: number) => tagOf(id)?.shadowRoot?.querySelector('.tag')?.textContent ?? null;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A background that answers from `latest`, recording what it was asked. */
function background(latest: ErpRequest[], answer?: () => Result<ErpRequest[]>) {
  const asked: number[][] = [];
  const ask = async (ids: number[]) => {
    asked.push(ids);
    return answer ? answer() : ok(latest.filter((r) => ids.includes(r.item_id)));
  };
  return { asked, ask };
}

beforeEach(() => useLocale('en'));

describe("the Directory list's statuses", () => {
  it('asks once for every row, then tags each company that has a request, in words and its colour', async () => {
    drawList([105, 106, 107]);
    const bg = background([rejected, waiting]);
    const statuses = createListStatuses(document, bg.ask);
    statuses.apply();
    statuses.apply();
    await settle();
    expect(bg.asked).toEqual([[105, 106, 107]]);
    expect(tagText(106)).toBe('↺ERP: Rejected');
    expect(tagOf(106)?.shadowRoot?.querySelector('.tag')?.className).toBe('tag tone-returned');
    expect(tagText(105)).toBe('◔ERP: Waiting for approval');
    expect(tagOf(107)).toBeNull();
  });

  it("says who decided, the comment and who sent it in the tag's tooltip, its description", async () => {
    drawList([106]);
    const statuses = createListStatuses(document, background([rejected]).ask);
    statuses.apply();
    await settle();
    const shadow = tagOf(106)!.shadowRoot!;
    const tag = shadow.querySelector('.tag')!;
    expect(tag.getAttribute('tabindex')).toBe('0');
    const tip = shadow.getElementById(tag.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toBe('by Avery Approver. Comment: Tax ID missing on W-9. Sent by Jordan Lee');
  });

  it('tags a re-drawn list at once, without asking again; asks only for the companies new to it', async () => {
    drawList([105, 106]);
    const bg = background([rejected, waiting]);
    const statuses = createListStatuses(document, bg.ask);
    statuses.apply();
    await settle();
    drawList([106, 105, 110]);
    statuses.apply();
    expect(tagText(106)).toBe('↺ERP: Rejected');
    expect(tagText(105)).toBe('◔ERP: Waiting for approval');
    expect(bg.asked).toEqual([[105, 106], [110]]);
  });

  it('redraws a tag whose request changed when asked again, and leaves an unchanged one alone', async () => {
    drawList([105, 106]);
    let latest = [rejected, waiting];
    const statuses = createListStatuses(document, async (ids) => ok(latest.filter((r) => ids.includes(r.item_id))));
    statuses.apply();
    await settle();
    const unchanged = tagOf(106);
    latest = [rejected, { ...waiting, status: 'retrieved', updated_at: '2026-11-21T10:00:00Z' }];
    statuses.refresh();
    await settle();
    expect(tagText(105)).toBe('↺ERP: Retrieved');
    expect(tagOf(106)).toBe(unchanged);
  });

  it('after a failure (an error answer, or no answer), waits before asking again, showing nothing wrong', async () => {
    drawList([106]);
    let clock = 0;
    let failing: 'error' | 'throw' | null = 'error';
    const asked: number[][] = [];
    const statuses = createListStatuses(
      document,
      async (ids) => {
        asked.push(ids);
        if (failing === 'throw') throw new Error('Could not establish connection');
        return failing === 'error' ? fail({ kind: 'network' }) : ok([rejected]);
      },
      () => clock,
    );
    statuses.apply();
    await settle();
    statuses.apply();
    expect(asked).toHaveLength(1);
    expect(tagOf(106)).toBeNull();
    clock += QUIET_AFTER_FAILURE_MS;
    failing = 'throw';
    statuses.apply();
    await settle();
    clock += QUIET_AFTER_FAILURE_MS;
    failing = null;
    statuses.apply();
    await settle();
    expect(asked).toHaveLength(3);
    expect(tagText(106)).toBe('↺ERP: Rejected');
  });

  it('takes every tag away, and drops an answer that comes after', async () => {
    drawList([106]);
    let release: () => void = () => {};
    const statuses = createListStatuses(document, async (ids) => {
      await new Promise<void>((resolve) => (release = resolve));
      return ok([rejected].filter((r) => ids.includes(r.item_id)));
    });
    statuses.apply();
    statuses.clear();
    release();
    await settle();
    expect(document.querySelectorAll(STATUS_TAG)).toHaveLength(0);
  });
});
