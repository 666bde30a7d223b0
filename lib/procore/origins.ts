/** Which origins are Procore's web app: where the content script runs and where links back may point. */
import { webOrigin } from '../extension/web-origin';

const PROCORE_HOST = /^([a-z0-9-]+\.)*procore\.com$/;

/** `https://*.procore.com` (app, us02, uk01, sandboxes) in production; the sandbox's origin in a sandbox build. */
export function isProcoreOrigin(origin: string, sandboxUrl: string): boolean {
  const parsed = webOrigin(origin);
  if (!parsed) return false;
  if (sandboxUrl) return parsed === webOrigin(sandboxUrl);
  const url = new URL(parsed);
  return url.protocol === 'https:' && url.port === '' && PROCORE_HOST.test(url.hostname);
}
