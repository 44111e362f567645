export type ThemeName = 'light' | 'dark' | 'contrast';
export type TabPage = 'personal' | 'team' | 'configure';

/** Where the tab runs: inside Teams (signed in, themed by Teams) or on its own in local mode. */
export type Host =
  | {
      kind: 'teams';
      theme: ThemeName;
      locale: string;
      page: TabPage;
      getToken: () => Promise<string>;
      onThemeChange: (listener: (theme: ThemeName) => void) => void;
    }
  | { kind: 'local'; theme: ThemeName; locale: string; page: TabPage; reason: string };

/** Teams calls its themes default, dark and contrast. */
export function themeFromTeams(name: string | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'light';
}

export function themeFromQuery(search: string, prefersDark: boolean): ThemeName {
  const forced = new URLSearchParams(search).get('theme');
  if (forced === 'light' || forced === 'dark' || forced === 'contrast') return forced;
  return prefersDark ? 'dark' : 'light';
}

export function pageFromPath(pathname: string): TabPage {
  if (pathname.startsWith('/team')) return 'team';
  if (pathname.startsWith('/configure')) return 'configure';
  return 'personal';
}
