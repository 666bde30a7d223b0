/** The pages' calls to the sandbox API, signed in as the admin (or the viewer with `?as=viewer`, the approver on its page). */
import { pref } from './prefs';

export type Token = 'sandbox-token' | 'sandbox-viewer' | 'sandbox-approver';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const pageToken = (): Token => (pref('as') === 'viewer' ? 'sandbox-viewer' : 'sandbox-token');

/** One sentence from an error body: `{ message }` or the first of `{ errors: { field: [message] } }`. */
function messageOf(body: unknown, status: number): string {
  const b = body as { message?: unknown; errors?: Record<string, unknown> } | null;
  if (typeof b?.message === 'string') return b.message;
  if (b?.errors && typeof b.errors === 'object') {
    const parts = Object.entries(b.errors).flatMap(([field, list]) =>
      Array.isArray(list) ? list.map((m) => `${field}: ${String(m)}`) : [],
    );
    if (parts.length > 0) return parts.join(' ');
  }
  return `Request failed (${status})`;
}

export async function call<T>(
  token: Token,
  method: string,
  path: string,
  body?: unknown,
  companyId?: number,
): Promise<T> {
  // Always fresh: the pages show live state and the approver page polls (a request header, which every fetch honours).
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    'X-Sandbox-Page': '1',
    'Cache-Control': 'no-cache',
  };
  if (companyId !== undefined) headers['Procore-Company-Id'] = String(companyId);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // Procore's web app endpoints (`/web/…`) are called as they are; everything else is the integration API.
  const response = await fetch(path.startsWith('/web/') ? path : `/rest/v1.0${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiFailure(response.status, messageOf(parsed, response.status));
  return parsed as T;
}
