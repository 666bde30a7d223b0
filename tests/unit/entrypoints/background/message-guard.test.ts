import { describe, expect, it } from 'vitest';
import { classifySender, isAllowed } from '@/entrypoints/background/message-guard';
import { CONTENT_SENDER, ORIGIN, POPUP_SENDER } from './fakes';

const ctx = {
  extensionId: 'test-extension-id',
  extensionBaseUrl: 'chrome-extension://test-extension-id/',
  sandboxUrl: '',
};

describe('sender checks', () => {
  it('tells extension pages from content scripts on Procore, and refuses everyone else', () => {
    expect(classifySender(POPUP_SENDER, ctx)).toBe('extension_page');
    expect(classifySender({ ...POPUP_SENDER, tab: { id: 3 } }, ctx)).toBe('extension_page'); // options open in a tab
    expect(classifySender(CONTENT_SENDER(), ctx)).toBe('content_script');
    expect(
      classifySender(CONTENT_SENDER(7, 'https://evil.example/8001/company/directory/vendors/101/edit'), ctx),
    ).toBeNull();
    expect(classifySender({ ...CONTENT_SENDER(), id: 'other-extension' }, ctx)).toBeNull();
    expect(classifySender({ id: 'test-extension-id', url: `${ORIGIN}/x` }, ctx)).toBeNull(); // a Procore URL but no tab
  });

  it('lets content scripts ask only about their page', () => {
    for (const type of ['getVendor', 'send', 'retrieve', 'watch'] as const)
      expect(isAllowed(type, CONTENT_SENDER(), ctx)).toBe(true);
    for (const type of ['getQueue', 'testConnection', 'vendorChanged'] as const)
      expect(isAllowed(type, CONTENT_SENDER(), ctx)).toBe(false);
    expect(isAllowed('testConnection', POPUP_SENDER, ctx)).toBe(true);
  });
});
