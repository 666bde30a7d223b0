/**
 * The SHA-256 of a text, in hex: how a text already checked is known again (`checkedText` in `checked-item.ts`, and
 * the popup's own read of the tracked requests). Apart so that the popup takes it without the checked item.
 */
export async function textDigest(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
