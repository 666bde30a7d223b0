/**
 * Who may ask the background what. Messages come from pages we do not own (content scripts run inside Procore),
 * so every sender is checked before its payload is even parsed. Pure: the background passes in what it knows.
 */
import type { ProtocolMap } from '../../lib/contract/messages';

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface GuardContext {
  /** `browser.runtime.id`. */
  extensionId: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://abc/`. */
  extensionBaseUrl: string;
  /** The sandbox origin in a sandbox build, '' in production. */
  sandboxUrl: string;
}

export type MessageType = keyof ProtocolMap;

/** Content scripts only read and act on the vendor of their page; the rest is for the popup and options page. */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['getVendor', 'send', 'retrieve', 'watch']);

const PROCORE_HOST = /^([a-z0-9-]+\.)*procore\.com$/;

/** Procore's web origins: `https://*.procore.com` in production, the sandbox's origin in a sandbox build. */
export function isProcoreOrigin(origin: string, sandboxUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (sandboxUrl) return url.origin === new URL(sandboxUrl).origin;
  return url.protocol === 'https:' && url.port === '' && PROCORE_HOST.test(url.hostname);
}

export type SenderKind = 'extension_page' | 'content_script';

/** What kind of sender this is, or null when it is neither this extension's page nor a Procore content script. */
export function classifySender(sender: SenderInfo, ctx: GuardContext): SenderKind | null {
  if (sender.id !== ctx.extensionId || !sender.url) return null;
  if (sender.url.startsWith(ctx.extensionBaseUrl)) return 'extension_page';
  if (sender.tab?.id === undefined) return null;
  return isProcoreOrigin(sender.url, ctx.sandboxUrl) ? 'content_script' : null;
}

export function isAllowed(type: MessageType, sender: SenderInfo, ctx: GuardContext): boolean {
  const kind = classifySender(sender, ctx);
  if (kind === 'extension_page') return true;
  return kind === 'content_script' && CONTENT_SCRIPT_MESSAGES.has(type);
}

/** The Procore origin a content script's message came from (its frame's URL), for links back to the page. */
export const senderOrigin = (sender: SenderInfo): string | null => {
  try {
    return sender.url ? new URL(sender.url).origin : null;
  } catch {
    return null;
  }
};
