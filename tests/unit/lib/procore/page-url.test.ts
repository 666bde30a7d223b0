import { describe, expect, it } from 'vitest';
import {
  controlWorksOn,
  parseDirectoryUrl,
  parseVendorEditUrl,
  statusesWorkOn,
  type DirectoryRef,
  type PageRef,
} from '@/lib/procore/page-url';

/** Real-looking URLs on every Procore web host and the sandbox, with the page each one is (or none). */
const URLS: [string, PageRef | null][] = [
  [
    'https://app.procore.com/562949953443325/company/directory/vendors/562949954043251/edit',
    { level: 'company', companyId: 562949953443325, vendorId: 562949954043251 },
  ],
  [
    'https://us02.procore.com/8001/company/directory/vendors/101/edit',
    { level: 'company', companyId: 8001, vendorId: 101 },
  ],
  [
    'https://uk01.procore.com/8001/company/directory/vendors/101/edit/',
    { level: 'company', companyId: 8001, vendorId: 101 },
  ],
  [
    'https://sandbox.procore.com/8001/company/directory/vendors/101/edit?ui=beta#contact',
    { level: 'company', companyId: 8001, vendorId: 101 },
  ],
  [
    'https://api-sandbox-monthly.procore.com/501/project/directory/vendors/102/edit',
    { level: 'project', projectId: 501, vendorId: 102 },
  ],
  [
    'https://app.procore.com/501/project/directory/vendors/102/edit?lang=es',
    { level: 'project', projectId: 501, vendorId: 102 },
  ],
  [
    'http://127.0.0.1:4100/8001/company/directory/vendors/106/edit',
    { level: 'company', companyId: 8001, vendorId: 106 },
  ],
  ['https://app.procore.com/8001/company/directory', null],
  ['https://app.procore.com/8001/company/directory/vendors/101', null],
  ['https://app.procore.com/8001/company/directory/vendors/new', null],
  ['https://app.procore.com/8001/company/directory/users/55/edit', null],
  ['https://app.procore.com/8001/company/directory/vendors/101/edit/contacts', null],
  ['https://app.procore.com/8001/company/erp_integrations', null],
  ['https://app.procore.com/webclients/host/companies/8001/projects/501/tools/directory', null],
  ['https://app.procore.com/abc/company/directory/vendors/101/edit', null],
  [
    'https://app.procore.com/8001/company/directory/vendors/101/edit/../../102/edit',
    { level: 'company', companyId: 8001, vendorId: 102 },
  ],
  ['https://app.procore.com/', null],
  ['not a url', null],
];

describe('vendor edit page detection', () => {
  it.each(URLS)('%s', (url, ref) => expect(parseVendorEditUrl(url)).toEqual(ref));

  it('accepts URL objects as well as strings', () =>
    expect(parseVendorEditUrl(new URL(URLS[0]![0]))).toEqual(URLS[0]![1]));
});

describe('where the loader starts the control', () => {
  it.each(URLS)('%s', (url, ref) => expect(controlWorksOn(url)).toBe(ref !== null));
});

/** The Directory's company list, at company and project level; no other page. */
const LISTS: [string, DirectoryRef | null][] = [
  ['https://app.procore.com/562949953443325/company/directory', { level: 'company', companyId: 562949953443325 }],
  ['https://us02.procore.com/8001/company/directory/?page=2#top', { level: 'company', companyId: 8001 }],
  ['http://127.0.0.1:4100/501/project/directory', { level: 'project', projectId: 501 }],
  ['https://app.procore.com/8001/company/directory/vendors/101/edit', null],
  ['https://app.procore.com/8001/company/directory/users', null],
  ['https://app.procore.com/8001/company/erp_integrations', null],
  ['https://app.procore.com/abc/company/directory', null],
  ['not a url', null],
];

describe('Directory list detection', () => {
  it.each(LISTS)('%s', (url, ref) => expect(parseDirectoryUrl(url)).toEqual(ref));
});

describe('where the loader starts the statuses', () => {
  it.each(LISTS)('%s', (url, ref) => expect(statusesWorkOn(url)).toBe(ref !== null));
});
