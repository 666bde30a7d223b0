import { describe, expect, it } from 'vitest';
import { isProcoreOrigin } from '@/lib/procore/origins';

describe('isProcoreOrigin', () => {
  it.each([
    'https://app.procore.com',
    'https://us02.procore.com',
    'https://api-sandbox-monthly.procore.com',
    'https://app.procore.com/8001/x',
  ])('accepts %s', (origin) => expect(isProcoreOrigin(origin, '')).toBe(true));
  it.each([
    'http://app.procore.com',
    'https://procore.com.evil.example',
    'https://evilprocore.com',
    'https://app.procore.com:8443',
    'not a url',
    'http://127.0.0.1:4100',
  ])('rejects %s', (origin) => expect(isProcoreOrigin(origin, '')).toBe(false));
  it('accepts only the sandbox origin in a sandbox build', () => {
    expect(isProcoreOrigin('http://127.0.0.1:4100/8001/company', 'http://127.0.0.1:4100')).toBe(true);
    expect(isProcoreOrigin('https://app.procore.com', 'http://127.0.0.1:4100')).toBe(false);
  });
});
