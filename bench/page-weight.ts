/** Bytes of extension script a Procore page that is not the Directory parses (ERP Integrations, the approver's page). */
import type { ExtensionBrowser } from '../scripts/extension-browser';
import { recordParsedExtensionScripts, type ParsedScript } from '../scripts/parsed-extension-scripts';
import { approverPath, SUMMIT } from '../scripts/sandbox-pages';

/** `others`: the ids of other extensions loaded, whose scripts are not counted. */
export async function scriptsParsedOnOtherPage(
  ext: ExtensionBrowser,
  baseUrl: string,
  others: string[],
): Promise<ParsedScript[]> {
  const page = await ext.context.newPage();
  const parsed = await recordParsedExtensionScripts(page, others);
  await page.goto(`${baseUrl}${approverPath(SUMMIT)}`);
  await page.getByRole('heading', { name: 'ERP Integrations' }).waitFor();
  // Whatever the loader would import would come right after it; give it time to.
  await page.waitForTimeout(1000);
  const scripts = await parsed();
  if (scripts.length === 0) throw new Error('the content script was not parsed');
  await page.close();
  return scripts;
}
