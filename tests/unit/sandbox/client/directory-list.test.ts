import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, listPage, PAGE_SIZE } from '@/sandbox/client/directory-list';

const companies = Array.from({ length: 45 }, (_, i) => ({ name: `Company ${String(i + 1).padStart(2, '0')}` }));
const names = (rows: { name: string }[]) => rows.map((row) => row.name);

describe("the sandbox Directory's list", () => {
  it('shows the first page by name, and says how many pages there are', () => {
    const first = listPage(companies, FIRST_PAGE);
    expect(first).toMatchObject({ page: 1, pages: 3, matching: 45 });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0]!.name).toBe('Company 01');
  });

  it('pages, keeping the page asked within the pages there are', () => {
    expect(names(listPage(companies, { ...FIRST_PAGE, page: 3 }).rows)).toEqual(names(companies.slice(40)));
    expect(listPage(companies, { ...FIRST_PAGE, page: 9 }).page).toBe(3);
    expect(listPage(companies, { ...FIRST_PAGE, page: 0 }).page).toBe(1);
  });

  it('searches by name, whatever the case, and sorts either way', () => {
    const found = listPage(companies, { ...FIRST_PAGE, query: ' COMPANY 1' });
    expect(found).toMatchObject({ pages: 1, matching: 10 });
    expect(names(listPage(companies, { ...FIRST_PAGE, sort: 'descending' }).rows).slice(0, 2)).toEqual([
      'Company 45',
      'Company 44',
    ]);
    expect(listPage(companies, { ...FIRST_PAGE, query: 'nothing' })).toMatchObject({ rows: [], pages: 1, page: 1 });
  });
});
