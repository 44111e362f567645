// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectHost, type TeamsSdk } from './detect-host.js';

function sdk(overrides: Partial<TeamsSdk> = {}): TeamsSdk {
  return {
    initialize: async () => undefined,
    getContext: async () => ({ app: { theme: 'dark', locale: 'es-ES' } }),
    getAuthToken: async () => 'token',
    registerOnThemeChangeHandler: () => undefined,
    ...overrides,
  };
}

const at = (pathname: string, search = '') => ({ pathname, search });

describe('detectHost', () => {
  it('uses Teams’ theme, locale and token when Teams answers', async () => {
    const host = await detectHost({ sdk: sdk(), framed: true, location: at('/team') });
    expect(host).toMatchObject({ kind: 'teams', theme: 'dark', locale: 'es-ES', page: 'team' });
    if (host.kind === 'teams') expect(await host.getToken()).toBe('token');
  });

  it('falls back to local mode when not framed, without waiting on Teams', async () => {
    const never = sdk({ initialize: () => new Promise(() => undefined) });
    const host = await detectHost({ sdk: never, framed: false, location: at('/personal', '?theme=contrast'), prefersDark: false });
    expect(host).toMatchObject({ kind: 'local', theme: 'contrast', page: 'personal' });
  });

  it('falls back to local mode when Teams rejects or never answers', async () => {
    const rejected = await detectHost({ sdk: sdk({ initialize: async () => Promise.reject(new Error('No Parent window found')) }), framed: true, location: at('/'), prefersDark: false });
    expect(rejected).toMatchObject({ kind: 'local', reason: expect.stringContaining('No Parent window found') });
    const silent = await detectHost({ sdk: sdk({ initialize: () => new Promise(() => undefined) }), framed: true, location: at('/'), timeoutMs: 20, prefersDark: false });
    expect(silent.kind).toBe('local');
  });

  it('follows the browser’s dark preference in local mode unless the URL says otherwise', async () => {
    expect((await detectHost({ framed: false, location: at('/'), prefersDark: true })).theme).toBe('dark');
    expect((await detectHost({ framed: false, location: at('/', '?theme=light'), prefersDark: true })).theme).toBe('light');
  });
});
