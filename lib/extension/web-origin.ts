/** The one origin parser: `https://erp.example.com/base/` → `https://erp.example.com`; null for anything not http(s). */
export function webOrigin(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
