/**
 * What the Directory's company list shows for a search, a sort and a page, as Procore's list does: pure, so the paging
 * is tested without a browser. The page draws it (`directory-page.ts`) anew on every change, as a re-rendering app.
 */
export const PAGE_SIZE = 20;

export type Sort = 'ascending' | 'descending';

export interface ListState {
  query: string;
  sort: Sort;
  /** 1-based. */
  page: number;
}

export interface ListPage<T> {
  rows: T[];
  /** The page shown: the asked one, kept within the pages there are. */
  page: number;
  pages: number;
  /** How many companies match the search. */
  matching: number;
}

export const FIRST_PAGE: ListState = { query: '', sort: 'ascending', page: 1 };

export function listPage<T extends { name: string }>(companies: readonly T[], state: ListState): ListPage<T> {
  const query = state.query.trim().toLocaleLowerCase();
  const matching = companies.filter((c) => c.name.toLocaleLowerCase().includes(query));
  const sorted = [...matching].sort((a, b) => a.name.localeCompare(b.name) * (state.sort === 'ascending' ? 1 : -1));
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, state.page), pages);
  return { rows: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), page, pages, matching: sorted.length };
}
