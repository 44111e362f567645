import { formattingLocale } from '../../../bot/contract/i18n/locales.js';
import { memberFromPath, pageFromPath, type MemberRef } from '../routes.js';
import { localeFromQuery, teamFromQuery, themeFromQuery, themeFromTeams, type Host, type LocalReason, type ThemeName } from './host.js';
import { realTeamsSdk, type TeamsSdk } from './teams-sdk.js';

/** The slice of a `MediaQueryList` for `(prefers-color-scheme: dark)` that local mode follows. */
export interface ColorSchemeQuery {
  matches: boolean;
  addEventListener(type: 'change', listener: (event: { matches: boolean }) => void): void;
  removeEventListener(type: 'change', listener: (event: { matches: boolean }) => void): void;
}

export interface DetectOptions {
  sdk?: TeamsSdk;
  location?: Pick<Location, 'pathname' | 'search'>;
  /** Teams hosts tabs in a frame (web, desktop) or a native webview (mobile); anywhere else it cannot be Teams. */
  framed?: boolean;
  prefersDark?: ColorSchemeQuery;
  browserLocale?: string;
  /** Outside Teams, initialize() may never settle; give up after this long. */
  timeoutMs?: number;
}

/** Finds out whether the tab runs inside Teams; outside it, falls back to local mode. */
export async function detectHost(options: DetectOptions = {}): Promise<Host> {
  const sdk = options.sdk ?? realTeamsSdk;
  const location = options.location ?? window.location;
  const page = pageFromPath(location.pathname);
  const member = memberFromPath(location.pathname);
  const framed = options.framed ?? (window.parent !== window || 'nativeInterface' in window);
  const local = (reason: LocalReason): Host => localHost(reason, page, member, location.search, options);

  // Not framed: teams-js would only reject ("No Parent window found"), so skip the round trip.
  if (!framed) return local({ kind: 'outside-teams' });
  try {
    await withTimeout(sdk.initialize(), options.timeoutMs ?? 3000);
    const context = await withTimeout(sdk.getContext(), options.timeoutMs ?? 3000);
    sdk.notifySuccess();
    // A channel tab knows its team. The personal dashboard tab learns it from `?team=` when the tab's own
    // pages link back to a team's dashboard, else from the deep link that opened it, if any.
    const teamId = context.team?.internalId || teamFromQuery(location.search) || context.page?.subPageId?.trim() || undefined;
    const channelId = context.channel?.id;
    return {
      kind: 'teams',
      theme: themeFromTeams(context.app.theme),
      locale: formattingLocale(context.app.locale),
      page,
      ...(member ? { member } : {}),
      ...(teamId ? { teamId } : {}),
      ...(channelId ? { channelId } : {}),
      getToken: () => sdk.getAuthToken(),
      onThemeChange: (listener) => {
        // Teams keeps a single theme handler per page; registering again replaces it, so there is nothing to remove.
        sdk.registerOnThemeChangeHandler((name) => listener(themeFromTeams(name)));
        return () => undefined;
      },
    };
  } catch (error) {
    return local({ kind: 'teams-silent', detail: error instanceof Error ? error.message : String(error) });
  }
}

function localHost(reason: LocalReason, page: Host['page'], member: MemberRef | undefined, search: string, options: DetectOptions): Host {
  const forced = themeFromQuery(search);
  const query = options.prefersDark ?? browserColorScheme();
  const fromQuery = (dark: boolean): ThemeName => (dark ? 'dark' : 'light');
  const teamId = teamFromQuery(search);
  return {
    kind: 'local',
    reason,
    page,
    ...(member ? { member } : {}),
    ...(teamId ? { teamId } : {}),
    theme: forced ?? fromQuery(query?.matches ?? false),
    locale: formattingLocale(localeFromQuery(search) ?? options.browserLocale ?? navigator.language),
    onThemeChange: (listener) => {
      if (forced || !query) return () => undefined;
      const onChange = (event: { matches: boolean }) => listener(fromQuery(event.matches));
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
  };
}

function browserColorScheme(): ColorSchemeQuery | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
