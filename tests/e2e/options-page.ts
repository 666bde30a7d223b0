/** Driving the extension's options page the way an admin does (labels and button names). */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { eventually } from './browser';

export const optionsFields = (page: Page) => ({
  apiUrl: page.getByLabel(/Integration API URL/i),
  token: page.getByLabel(/API token/i),
  save: page.getByRole('button', { name: /^Save/ }),
  testConnection: page.getByRole('button', { name: /Test connection/i }),
  status: page.getByRole('status'),
});

/** Sets the API token in the options page, saves, and waits for the page to confirm. */
export async function setApiToken(ext: ExtensionBrowser, token: string): Promise<void> {
  const page = await ext.openOptions();
  const fields = optionsFields(page);
  await fields.token.fill(token);
  await fields.save.click();
  await eventually(() => fields.status.allInnerTexts().then((texts) => texts.join(' '))).toMatch(/saved/i);
  await page.close();
}
