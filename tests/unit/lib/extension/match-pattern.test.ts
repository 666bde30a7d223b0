import { describe, expect, it } from 'vitest';
import { originMatchPattern, originPattern } from '@/lib/extension/match-pattern';

describe('match patterns for an origin', () => {
  it('keep the port where the browser takes one (Chrome)', () => {
    expect(originMatchPattern('http://127.0.0.1:4100', false)).toBe('http://127.0.0.1:4100/*');
    expect(originMatchPattern('https://erp.example.com', false)).toBe('https://erp.example.com/*');
  });

  it("leave it out where the browser's patterns take none (Firefox): the host on any port", () => {
    expect(originMatchPattern('http://127.0.0.1:4100', true)).toBe('http://127.0.0.1/*');
    expect(originMatchPattern('https://erp.example.com:8443/base', true)).toBe('https://erp.example.com/*');
  });

  it('follow the build: the unit tests build for Chrome', () => {
    expect(originPattern('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100/*');
  });
});
