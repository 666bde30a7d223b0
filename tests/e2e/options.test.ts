/** The options page — masked token, Test connection saying who you are or what is wrong, saving. */
import { describe, expect } from 'vitest';
import { eventually, sandboxUrl, test } from './browser';
import { optionsFields } from './options-page';
import { loadedManifest } from './worker';

describe('the options page', () => {
  test('opens by itself on install, saying the sandbox build is connected; the shortcut and the localized toolbar title are declared', async ({
    ext,
  }) => {
    const welcome = () => ext.context.pages().find((page) => page.url() === ext.extensionUrl('options.html'));
    await eventually(() => welcome() !== undefined).toBe(true);
    await welcome()!
      .getByText(`This is the sandbox build: it is connected to the local sandbox at ${sandboxUrl()}`)
      .waitFor();
    const manifest = await loadedManifest(ext);
    expect(manifest.commands?._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+R' });
    // The toolbar button's tooltip is the translated name (the browser fills in __MSG_extName__), not the popup's title.
    expect(manifest.action?.default_title).toBe('ERP Resend for Procore');
  });

  test('a sandbox build starts with the sandbox URL and a masked token', async ({ ext }) => {
    const page = await ext.openOptions();
    const fields = optionsFields(page);
    await eventually(() => fields.apiUrl.inputValue()).toBe(sandboxUrl());
    expect(await fields.token.getAttribute('type')).toBe('password');
    expect(await fields.token.inputValue()).toBe('sandbox-token');
  });

  test('Test connection says who you are', async ({ ext, sandbox }) => {
    const page = await ext.openOptions();
    const fields = optionsFields(page);
    await eventually(() => fields.token.inputValue()).toBe('sandbox-token');
    await fields.testConnection.click();
    await eventually(() => fields.status.innerText()).toContain('Connected as Alex Admin (alex.admin@example.com)');
    const calls = await sandbox.extensionCalls();
    expect(calls.some((entry) => entry.path === '/rest/v1.0/me' && entry.token === 'sandbox-token')).toBe(true);
  });

  test('Test connection with a refused token says to check it, and nothing is saved by testing', async ({ ext }) => {
    const page = await ext.openOptions();
    const fields = optionsFields(page);
    await eventually(() => fields.token.inputValue()).toBe('sandbox-token');
    await fields.token.fill('expired-token');
    await fields.testConnection.click();
    await eventually(() => fields.status.innerText()).toContain('Check the API token');

    await page.reload();
    await eventually(() => optionsFields(page).token.inputValue()).toBe('sandbox-token');
  });

  test('Test connection to a URL that is not the API (a web page answers) says the answer is not understood', async ({
    ext,
  }) => {
    const page = await ext.openOptions();
    const fields = optionsFields(page);
    await eventually(() => fields.apiUrl.inputValue()).toBe(sandboxUrl());
    // Same origin (already granted), wrong base path: the sandbox answers with its HTML app or a 404.
    await fields.apiUrl.fill(`${sandboxUrl()}/not-the-api`);
    await fields.testConnection.click();
    await eventually(() => fields.status.innerText(), 30_000).toMatch(/doesn't understand|could not find/);
  });

  test('Save keeps the settings across a reload', async ({ ext }) => {
    const page = await ext.openOptions();
    const fields = optionsFields(page);
    await eventually(() => fields.token.inputValue()).toBe('sandbox-token');
    await fields.token.fill('sandbox-viewer');
    await fields.save.click();
    await eventually(() => fields.status.innerText()).toContain('Settings saved.');
    await page.reload();
    await eventually(() => optionsFields(page).token.inputValue()).toBe('sandbox-viewer');
  });
});
