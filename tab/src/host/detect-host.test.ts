// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ThemeName } from './host.js';
import { detectHost, type ColorSchemeQuery } from './detect-host.js';
import type { TeamsSdk } from './teams-sdk.js';

function fakeTeams(overrides: Partial<TeamsSdk> = {}): TeamsSdk & { themeHandler?: (t: string) => void; loaded: boolean } {
  const sdk = {
    loaded: false,
    themeHandler: undefined as ((t: string) => void) | undefined,
    initialize: async () => undefined,
    getContext: async () => ({ app: { theme: 'dark', locale: 'es-es' } }),
    getAuthToken: async () => 'token',
    registerOnThemeChangeHandler: (handler: (t: string) => void) => {
      sdk.themeHandler = handler;
    },
    notifySuccess: () => {
      sdk.loaded = true;
    },
    ...overrides,
  };
  return sdk;
}

function fakeColorScheme(dark: boolean): ColorSchemeQuery & { flip(dark: boolean): void } {
  const listeners = new Set<(e: { matches: boolean }) => void>();
  return {
    matches: dark,
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
    flip: (next) => listeners.forEach((l) => l({ matches: next })),
  };
}

const at = (pathname: string, search = '') => ({ pathname, search });
const never = () => new Promise<never>(() => undefined);

describe('detectHost inside Teams', () => {
  it('uses Teams’ theme, locale and token, and tells Teams the tab has loaded', async () => {
    const sdk = fakeTeams();
    const host = await detectHost({ sdk, framed: true, location: at('/team') });
    expect(host).toMatchObject({ kind: 'teams', theme: 'dark', locale: 'es-ES', page: 'team' });
    if (host.kind === 'teams') expect(await host.getToken()).toBe('token');
    expect(sdk.loaded).toBe(true);
  });

  it('takes the team and channel from the Teams context, as the ids the bot knows', async () => {
    const sdk = fakeTeams({
      getContext: async () => ({
        app: { theme: 'default' },
        team: { internalId: '19:abc@thread.tacv2' },
        channel: { id: '19:general@thread.tacv2' },
      }),
    });
    const host = await detectHost({ sdk, framed: true, location: at('/team') });
    expect(host).toMatchObject({ teamId: '19:abc@thread.tacv2', channelId: '19:general@thread.tacv2' });
    const personal = await detectHost({ sdk: fakeTeams(), framed: true, location: at('/personal') });
    expect(personal.teamId).toBeUndefined();
    expect(personal.channelId).toBeUndefined();
  });

  it('takes the team from the deep link’s sub-entity in the personal dashboard tab, where the context has no team', async () => {
    const opened = (context: Awaited<ReturnType<TeamsSdk['getContext']>>) =>
      detectHost({ sdk: fakeTeams({ getContext: async () => context }), framed: true, location: at('/team') });
    expect((await opened({ app: {}, page: { subPageId: '19:abc@thread.tacv2' } })).teamId).toBe('19:abc@thread.tacv2');
    // In a channel the team the tab sits in wins over any sub-entity.
    expect(
      (await opened({ app: {}, team: { internalId: '19:channel-team@thread.tacv2' }, page: { subPageId: '19:abc@thread.tacv2' } })).teamId,
    ).toBe('19:channel-team@thread.tacv2');
    // Opened from the app bar, not a link: no team, so the page offers the caller's teams.
    expect((await opened({ app: {}, page: { subPageId: '' } })).teamId).toBeUndefined();
    expect((await opened({ app: {}, page: {} })).teamId).toBeUndefined();
  });

  it('takes the team from ?team= when the tab’s own page links back to a dashboard, unless the tab sits in a channel', async () => {
    const back = (context: Awaited<ReturnType<TeamsSdk['getContext']>>) =>
      detectHost({
        sdk: fakeTeams({ getContext: async () => context }),
        framed: true,
        location: at('/team', '?team=19%3Aread%40thread.tacv2'),
      });
    expect((await back({ app: {}, page: { subPageId: '19:abc@thread.tacv2' } })).teamId).toBe('19:read@thread.tacv2');
    expect((await back({ app: {}, team: { internalId: '19:channel-team@thread.tacv2' } })).teamId).toBe('19:channel-team@thread.tacv2');
  });

  it('names the member whose entries the page shows, from its path', async () => {
    const host = await detectHost({ sdk: fakeTeams(), framed: true, location: at('/teams/19%3Aabc%40thread.tacv2/members/u-2') });
    expect(host).toMatchObject({ kind: 'teams', page: 'member-entries', member: { teamId: '19:abc@thread.tacv2', userId: 'u-2' } });
    expect((await detectHost({ sdk: fakeTeams(), framed: true, location: at('/team') })).member).toBeUndefined();
  });

  it('follows Teams when the user switches theme, including high contrast', async () => {
    const sdk = fakeTeams();
    const host = await detectHost({ sdk, framed: true, location: at('/') });
    const seen: ThemeName[] = [];
    host.onThemeChange((t) => seen.push(t));
    sdk.themeHandler?.('contrast');
    sdk.themeHandler?.('default');
    expect(seen).toEqual(['contrast', 'light']);
  });
});

describe('detectHost outside Teams', () => {
  it('falls back to local mode at once when not framed, without waiting on Teams', async () => {
    const host = await detectHost({
      sdk: fakeTeams({ initialize: never }),
      framed: false,
      location: at('/personal'),
      prefersDark: fakeColorScheme(false),
    });
    expect(host).toMatchObject({ kind: 'local', theme: 'light', page: 'personal' });
  });

  it('falls back to local mode when Teams rejects or never answers', async () => {
    const rejecting = fakeTeams({ initialize: async () => Promise.reject(new Error('Initialization Failed. No Parent window found.')) });
    const rejected = await detectHost({ sdk: rejecting, framed: true, location: at('/'), prefersDark: fakeColorScheme(false) });
    expect(rejected).toMatchObject({
      kind: 'local',
      reason: { kind: 'teams-silent', detail: expect.stringContaining('No Parent window found') },
    });
    const silent = await detectHost({
      sdk: fakeTeams({ initialize: never }),
      framed: true,
      location: at('/'),
      timeoutMs: 20,
      prefersDark: fakeColorScheme(false),
    });
    expect(silent).toMatchObject({
      kind: 'local',
      reason: { kind: 'teams-silent', detail: expect.stringContaining('no answer in 20 ms') },
    });
  });

  it('names the member whose entries the page shows in local mode too', async () => {
    const host = await detectHost({
      framed: false,
      location: at('/teams/t1/members/u1', '?user=alex'),
      prefersDark: fakeColorScheme(false),
    });
    expect(host).toMatchObject({ kind: 'local', page: 'member-entries', member: { teamId: 't1', userId: 'u1' } });
  });

  it('takes the team from ?team= in local mode', async () => {
    const host = await detectHost({
      framed: false,
      location: at('/team', '?team=19%3Ademo%40thread.tacv2'),
      prefersDark: fakeColorScheme(false),
    });
    expect(host.teamId).toBe('19:demo@thread.tacv2');
    const none = await detectHost({ framed: false, location: at('/team', '?team='), prefersDark: fakeColorScheme(false) });
    expect(none.teamId).toBeUndefined();
  });

  it('uses a locale Intl accepts even when the browser reports a broken one', async () => {
    const host = await detectHost({
      framed: false,
      location: at('/'),
      browserLocale: 'not a locale!',
      prefersDark: fakeColorScheme(false),
    });
    expect(host.locale).toBe('en');
  });

  it('speaks the languages the tab ships, keeps their regional formats, and takes ?locale= in local mode', async () => {
    const browser = (browserLocale: string, search = '') =>
      detectHost({ framed: false, location: at('/', search), browserLocale, prefersDark: fakeColorScheme(false) });
    expect((await browser('es-MX')).locale).toBe('es-MX');
    // French is not shipped: English words, so English dates and numbers beside them.
    expect((await browser('fr-FR')).locale).toBe('en');
    // Arabic with no region formats with Arabic-Indic digits (ICU's bare "ar" would write Latin ones).
    expect((await browser('en-GB', '?locale=ar')).locale).toBe('ar-u-nu-arab');
    expect((await browser('en-GB', '?locale=es-ES')).locale).toBe('es-ES');
  });

  it('follows the browser’s dark preference, live, unless ?theme= pins it', async () => {
    const scheme = fakeColorScheme(true);
    const following = await detectHost({ framed: false, location: at('/'), prefersDark: scheme });
    expect(following.theme).toBe('dark');
    const seen: ThemeName[] = [];
    const stop = following.onThemeChange((t) => seen.push(t));
    scheme.flip(false);
    stop();
    scheme.flip(true);
    expect(seen).toEqual(['light']);

    const pinned = await detectHost({ framed: false, location: at('/', '?theme=contrast'), prefersDark: scheme });
    expect(pinned.theme).toBe('contrast');
    pinned.onThemeChange((t) => seen.push(t));
    scheme.flip(false);
    expect(seen).toEqual(['light']);
  });
});
