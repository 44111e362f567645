export type TabPage = 'personal' | 'team' | 'configure' | 'admin';

const PAGES: Record<string, TabPage> = {
  '/team': 'team',
  '/configure': 'configure',
  '/admin': 'admin',
};

/** The tab's pages are plain paths; anything unknown (`/`, `/index.html`, `/personal`) is the learner's own page. */
export function pageFromPath(pathname: string): TabPage {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return PAGES[path.toLowerCase()] ?? 'personal';
}

export const PAGE_TITLES: Record<TabPage, string> = {
  personal: 'My learning',
  team: 'Team dashboard',
  configure: 'Set up Learning Loop',
  admin: 'Learning report',
};
