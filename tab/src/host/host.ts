import type { TabPage } from '../routes.js';

export type ThemeName = 'light' | 'dark' | 'contrast';

interface HostBase {
  theme: ThemeName;
  /** A BCP 47 tag that Intl accepts. */
  locale: string;
  page: TabPage;
  /** Calls the listener whenever the theme should change; returns how to stop listening. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
}

/** Where the tab runs: inside Teams (signed in, themed by Teams) or on its own in local mode. */
export type Host = (HostBase & { kind: 'teams'; getToken: () => Promise<string> }) | (HostBase & { kind: 'local'; reason: string });

/** Teams calls its themes default, dark and contrast. */
export function themeFromTeams(name: string | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'light';
}

/** `?theme=light|dark|contrast` pins the theme in local mode; anything else leaves it to the browser. */
export function themeFromQuery(search: string): ThemeName | undefined {
  const forced = new URLSearchParams(search).get('theme');
  return forced === 'light' || forced === 'dark' || forced === 'contrast' ? forced : undefined;
}
