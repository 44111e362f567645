import type { MemberRef, TabPage } from '../routes.js';

export type ThemeName = 'light' | 'dark' | 'contrast';

interface HostBase {
  theme: ThemeName;
  /** A BCP 47 tag that Intl accepts. */
  locale: string;
  page: TabPage;
  /** The team the tab was opened for: Teams' "19:…@thread.tacv2" id, as the bot knows the team. */
  teamId?: string;
  /** The channel the tab sits in, when Teams says so. */
  channelId?: string;
  /** On the member-entries page: whose entries, as its path names them. */
  member?: MemberRef;
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

/** `?team=` names the team in local mode, where there is no Teams context to say which. */
export function teamFromQuery(search: string): string | undefined {
  const team = new URLSearchParams(search).get('team')?.trim();
  return team ? team : undefined;
}
