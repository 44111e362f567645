import { describe, expect, it } from 'vitest';
import { endpointRefusal, parseAllowedEndpoints } from './lrs-allow-list.js';

describe('the deployment’s list of allowed LRS endpoints', () => {
  const listed = {
    kind: 'listed' as const,
    endpoints: parseAllowedEndpoints(' https://LRS.example.com/xapi/ , https://other.example/lrs') ?? [],
  };

  it('allows a listed endpoint and those under it, in any case of host', () => {
    for (const endpoint of ['https://lrs.example.com/xapi', 'https://lrs.example.com/xapi/tenant-a', 'https://other.example/lrs'])
      expect(endpointRefusal(endpoint, listed), endpoint).toBeUndefined();
  });

  it('refuses another host, a look-alike path or scheme, and names what is allowed', () => {
    for (const endpoint of [
      'https://evil.example/xapi',
      'https://lrs.example.com/xapi-copy',
      'http://lrs.example.com/xapi',
      'https://lrs.example.com.evil.example/xapi',
      'https://lrs.example.com:8443/xapi',
    ])
      expect(endpointRefusal(endpoint, listed), endpoint).toContain('https://lrs.example.com/xapi, https://other.example/lrs');
  });

  it('refuses every endpoint when the deployment lists none', () => {
    expect(endpointRefusal('https://lrs.example.com/xapi', { kind: 'listed', endpoints: [] })).toMatch(/no LRS/);
    expect(parseAllowedEndpoints(' , ')).toBeUndefined();
  });

  it('lets local mode use any endpoint the settings accept', () => {
    expect(endpointRefusal('http://127.0.0.1:9999/xapi', { kind: 'any' })).toBeUndefined();
  });
});
