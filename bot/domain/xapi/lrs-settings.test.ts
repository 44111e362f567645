import { describe, expect, it } from 'vitest';
import { lrsSettingsBody } from './lrs-settings.js';

const production = lrsSettingsBody({ allowHttp: false, allowPrivate: false });
const local = lrsSettingsBody({ allowHttp: true, allowPrivate: true });
const problem = (schema: typeof production, endpoint: string) => {
  const parsed = schema.safeParse({ endpoint, key: 'learning-loop', secret: 's' });
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join('; ');
};

describe('an LRS endpoint', () => {
  it('is kept as its base address, without /statements or a trailing slash', () => {
    expect(production.parse({ endpoint: 'https://LRS.example.com/xapi/statements/', key: 'k' }).endpoint).toBe(
      'https://lrs.example.com/xapi',
    );
  });

  it.each([
    ['http://lrs.example.com/xapi', 'must start with https://'],
    ['https://localhost/xapi', 'must be a public address'],
    ['https://127.0.0.1:8443/xapi', 'must be a public address'],
    ['https://10.20.30.40/xapi', 'must be a public address'],
    ['https://169.254.169.254/xapi', 'must be a public address'],
    ['https://[::1]/xapi', 'must be a public address'],
    ['https://user:pass@lrs.example.com/xapi', 'key and secret in their own fields'],
  ])('outside local mode, refuses %s, saying why', (endpoint, expected) => {
    expect(problem(production, endpoint)).toContain(expected);
  });

  it('accepts a stand-in on this machine in local mode', () => {
    expect(problem(local, 'http://127.0.0.1:8080/xapi')).toBeNull();
  });
});
