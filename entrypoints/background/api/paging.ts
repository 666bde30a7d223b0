/** Where a list's next page is: the `Link` header's `rel="next"` when the server sends one, else `Total` and `Per-Page`. */
import { ApiError } from './api-error';
import type { Answered } from './http';

export const PER_PAGE = 100;

/** The `rel="next"` target of a `Link` header, or null. */
export function linkNext(link: string): string | null {
  for (const part of link.split(',')) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match?.[1] !== undefined && /;\s*rel\s*=\s*"?[^"]*\bnext\b/i.test(match[2] ?? '')) return match[1];
  }
  return null;
}

/** The next page's URL, or null on the last page. The token goes with every request: a link to another origin throws. */
export function nextPage(
  response: Answered,
  current: string,
  page: number,
  received: number,
  rootOrigin: string,
): string | null {
  const link = response.headers.get('link');
  if (link !== null) {
    const target = linkNext(link);
    if (target === null) return null;
    let next: URL;
    try {
      next = new URL(target, current);
    } catch {
      throw new ApiError({ kind: 'malformed', status: response.status });
    }
    if (next.origin !== rootOrigin) throw new ApiError({ kind: 'malformed', status: response.status });
    return next.href;
  }
  const total = Number(response.headers.get('total'));
  const perPage = Number(response.headers.get('per-page')) || PER_PAGE;
  if (!Number.isFinite(total) || received === 0 || page * perPage >= total) return null;
  const next = new URL(current);
  next.searchParams.set('page', String(page + 1));
  return next.href;
}
