import { describe, expect, it } from 'vitest';
import { countItems, groupQueue, searchKey, SECTION_OF } from '@/lib/erp/queue';
import { STATUSES } from '@/lib/erp/status';
import { bigQueue, minutesAgo, rejected, tracked } from './queue-fixtures';

const names = (items: { request: { item_name: string } }[]) => items.map((i) => i.request.item_name);
const section = (sections: ReturnType<typeof groupQueue>, id: string) => sections.find((s) => s.id === id)!;

describe('SECTION_OF', () => {
  it('puts rejected and failed under attention, pending and accepted under waiting, synced under synced', () => {
    expect(STATUSES.filter((s) => SECTION_OF[s] === 'attention')).toEqual(['rejected', 'failed']);
    expect(STATUSES.filter((s) => SECTION_OF[s] === 'waiting')).toEqual(['pending_acceptance', 'accepted']);
    expect(STATUSES.filter((s) => SECTION_OF[s] === 'synced')).toEqual(['synced']);
    expect(STATUSES.filter((s) => SECTION_OF[s] === 'retrieved')).toEqual(['retrieved']);
  });
});

describe('groupQueue', () => {
  const queue = [
    tracked({ item_name: 'Pioneer Plumbing', status: 'pending_acceptance', updated_at: minutesAgo(10) }),
    rejected('Ridge Roofing', 5),
    tracked({ item_name: 'Keystone Steel', status: 'synced', erp_vendor_id: 'V-1007', updated_at: minutesAgo(1) }),
    tracked({
      item_name: 'Beacon Glass',
      status: 'failed',
      errors: ['ERP vendor ID V-1007 is already in use'],
      updated_at: minutesAgo(2),
    }),
    tracked({ item_name: 'Cedar Carpentry', status: 'accepted', updated_at: minutesAgo(3) }),
    tracked({ item_name: 'Delta Paving', status: 'retrieved', updated_at: minutesAgo(4) }),
  ];

  it('returns every section in display order, each newest first', () => {
    const sections = groupQueue(queue);
    expect(sections.map((s) => s.id)).toEqual(['attention', 'waiting', 'retrieved', 'synced']);
    expect(names(section(sections, 'attention').items)).toEqual(['Beacon Glass', 'Ridge Roofing']);
    expect(names(section(sections, 'waiting').items)).toEqual(['Cedar Carpentry', 'Pioneer Plumbing']);
    expect(names(section(sections, 'retrieved').items)).toEqual(['Delta Paving']);
    expect(names(section(sections, 'synced').items)).toEqual(['Keystone Steel']);
    expect(countItems(sections)).toBe(6);
  });

  it('keeps empty sections so their headings can say 0', () => {
    const sections = groupQueue([rejected('Ridge Roofing')]);
    expect(sections.map((s) => s.items.length)).toEqual([1, 0, 0, 0]);
  });

  it('shows only the newest request of a vendor sent more than once', () => {
    const older = rejected('Ridge Roofing', 300, { item_id: 106, rejection_comment: 'Address incomplete' });
    const newer = rejected('Ridge Roofing', 30, { item_id: 106 });
    const resent = tracked({
      item_name: 'Ridge Roofing',
      item_id: 106,
      status: 'pending_acceptance',
      updated_at: minutesAgo(1),
    });
    expect(groupQueue([older, newer]).flatMap((s) => s.items)).toEqual([newer]);
    const sections = groupQueue([resent, older, newer]);
    expect(section(sections, 'attention').items).toEqual([]);
    expect(section(sections, 'waiting').items).toEqual([resent]);
  });

  it('shows a vendor by its latest request sent, even when an older one was rejected after it', () => {
    const older = rejected('Ridge Roofing', 1, { item_id: 106, created_at: minutesAgo(300) });
    const newer = tracked({
      item_name: 'Ridge Roofing',
      item_id: 106,
      status: 'pending_acceptance',
      created_at: minutesAgo(200),
      updated_at: minutesAgo(200),
    });
    const sections = groupQueue([older, newer]);
    expect(section(sections, 'attention').count).toBe(0);
    expect(section(sections, 'waiting').items).toEqual([newer]);
  });

  it('shows a vendor seen on two Procore hosts once', () => {
    const app = rejected('Ridge Roofing', 30, { item_id: 106 });
    const us02 = { ...rejected('Ridge Roofing', 20, { item_id: 106 }), origin: 'https://us02.procore.com' };
    expect(countItems(groupQueue([app, us02]))).toBe(1);
  });

  it('keeps the same vendor id of two companies apart', () => {
    const a = tracked({ item_name: 'Acme', item_id: 5, status: 'synced' }, 8001);
    const b = tracked({ item_name: 'Acme', item_id: 5, status: 'synced' }, 8002);
    expect(countItems(groupQueue([a, b]))).toBe(2);
  });

  it('orders requests changed at the same moment by id, newest first', () => {
    const at = minutesAgo(5);
    const first = tracked({ id: 901, item_name: 'First', status: 'synced', updated_at: at });
    const second = tracked({ id: 902, item_name: 'Second', status: 'synced', updated_at: at });
    expect(names(groupQueue([first, second]).flatMap((s) => s.items))).toEqual(['Second', 'First']);
  });

  it('filters by company name, ignoring case and accents', () => {
    const withAccents = [...queue, tracked({ item_name: 'Construcción São Paulo', status: 'synced' })];
    expect(names(groupQueue(withAccents, 'roof').flatMap((s) => s.items))).toEqual(['Ridge Roofing']);
    expect(names(groupQueue(withAccents, '  CONSTRUCCION sao ').flatMap((s) => s.items))).toEqual([
      'Construcción São Paulo',
    ]);
    expect(names(groupQueue(withAccents, 'construcción').flatMap((s) => s.items))).toEqual(['Construcción São Paulo']);
    expect(countItems(groupQueue(withAccents, 'nothing like it'))).toBe(0);
  });

  it('treats a blank search as no filter', () => {
    expect(countItems(groupQueue(queue, '   '))).toBe(queue.length);
  });

  it('groups 1,000 requests, every one placed once', () => {
    const sections = groupQueue(bigQueue(1000));
    expect(countItems(sections)).toBe(1000);
    expect(section(sections, 'attention').items).toHaveLength(334);
  });
});

describe('searchKey', () => {
  it('folds accents, case and spacing', () => expect(searchKey('  Ñandú   ÉLECTRIC ')).toBe('nandu electric'));
});
