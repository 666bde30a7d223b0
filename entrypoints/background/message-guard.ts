/**
 * Who may ask the background what. Messages come from pages we do not own (content scripts run inside Procore),
 * so every sender is checked before its payload is even parsed. Pure: the background passes in what it knows.
 */
import { MESSAGES, type RequestType } from '@/lib/contract/messages';
import { webOrigin } from '@/lib/extension/web-origin';
import { isProcoreOrigin } from '@/lib/procore/origins';

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

export type SenderKind = 'extension_page' | 'content_script';

/** What kind of sender this is, or null when it is neither this extension's page nor a Procore content script. */
export function classifySender(sender: SenderInfo, ctx: GuardContext): SenderKind | null {
  if (sender.id !== ctx.extensionId || !sender.url) return null;
  if (sender.url.startsWith(ctx.extensionBaseUrl)) return 'extension_page';
  if (sender.tab?.id === undefined) return null;
  return isProcoreOrigin(sender.url, ctx.sandboxUrl) ? 'content_script' : null;
}

/** Extension pages may send every message; content scripts only those `MESSAGES` marks `from: 'page'`. */
export function isAllowed(type: string, sender: SenderInfo, ctx: GuardContext): type is RequestType {
  if (!Object.hasOwn(MESSAGES, type)) return false;
  const kind = classifySender(sender, ctx);
  if (kind === 'extension_page') return true;
  return kind === 'content_script' && MESSAGES[type as RequestType].from === 'page';
}

/** The Procore origin a content script's message came from (its frame's URL), for links back to the page. */
export const senderOrigin = (sender: SenderInfo): string | null => webOrigin(sender.url);
