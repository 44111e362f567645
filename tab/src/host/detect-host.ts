import { app, authentication } from '@microsoft/teams-js';
import { pageFromPath, themeFromQuery, themeFromTeams, type Host } from './host.js';

export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<{ app: { theme?: string; locale?: string } }>;
  getAuthToken(): Promise<string>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
}

const realSdk: TeamsSdk = {
  initialize: () => app.initialize(),
  getContext: () => app.getContext(),
  getAuthToken: () => authentication.getAuthToken(),
  registerOnThemeChangeHandler: (handler) => app.registerOnThemeChangeHandler(handler),
};

export interface DetectOptions {
  sdk?: TeamsSdk;
  location?: Pick<Location, 'pathname' | 'search'>;
  /** Teams hosts tabs in a frame (web, desktop) or a native webview (mobile). */
  framed?: boolean;
  prefersDark?: boolean;
  timeoutMs?: number;
}

/** Finds out whether the tab runs inside Teams; outside it, falls back to local mode at once. */
export async function detectHost(options: DetectOptions = {}): Promise<Host> {
  const sdk = options.sdk ?? realSdk;
  const location = options.location ?? window.location;
  const page = pageFromPath(location.pathname);
  const framed = options.framed ?? (window.parent !== window || 'nativeInterface' in window);
  const local = (reason: string): Host => ({
    kind: 'local',
    theme: themeFromQuery(location.search, options.prefersDark ?? matchMedia('(prefers-color-scheme: dark)').matches),
    locale: navigator.language || 'en-US',
    page,
    reason,
  });
  if (!framed) return local('Not running inside Microsoft Teams.');
  try {
    await withTimeout(sdk.initialize(), options.timeoutMs ?? 3000);
    const context = await sdk.getContext();
    return {
      kind: 'teams',
      theme: themeFromTeams(context.app.theme),
      locale: context.app.locale ?? 'en-US',
      page,
      getToken: () => sdk.getAuthToken(),
      onThemeChange: (listener) => sdk.registerOnThemeChangeHandler((t) => listener(themeFromTeams(t))),
    };
  } catch (error) {
    return local(`Microsoft Teams did not answer (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
