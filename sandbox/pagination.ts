/** Procore-style list paging: `page` and `per_page` in, `Total`, `Per-Page` and `Link` headers out. */
import { Problem } from './problem';

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 1000;

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

function positiveInt(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Problem(400, { errors: { [name]: ['must be a whole number, 1 or more'] } });
  return value;
}

export function paginate<T>(url: URL, all: T[]): Page<T> {
  const page = positiveInt(url, 'page', 1);
  const perPage = Math.min(positiveInt(url, 'per_page', DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const link = (rel: string, target: number) => {
    const targetUrl = new URL(url);
    targetUrl.searchParams.set('page', String(target));
    targetUrl.searchParams.set('per_page', String(perPage));
    return `<${targetUrl.href}>; rel="${rel}"`;
  };
  const links = [link('first', 1)];
  if (page > 1) links.push(link('prev', Math.min(page - 1, lastPage)));
  if (page < lastPage) links.push(link('next', page + 1));
  links.push(link('last', lastPage));
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    headers: { Total: String(all.length), 'Per-Page': String(perPage), Link: links.join(', ') },
  };
}
