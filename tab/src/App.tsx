import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { apiClient } from './api/api-client.js';
import { LocalShell } from './components/LocalShell.js';
import type { Host, ThemeName } from './host/host.js';
import { PageForHost } from './pages/PageForHost.js';
import { PAGE_TITLES } from './routes.js';
import { THEMES, ThemeNameContext } from './theme.js';

/** A learner who just submitted a check-in card sees it within seconds; polling faster would only load the service. */
const TEAMS_POLL_MS = 5000;

/**
 * The provider fills the window (index.html makes #root a full-height column) so the theme's
 * background reaches the bottom. Fluent gives portals (tooltips, dialogs) the provider's classes
 * too, so a height here would turn each portal into a blank layer over the page; growing in a
 * flex column does nothing to them.
 */
const useStyles = makeStyles({ root: { flexGrow: 1 } });

export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.title = `${PAGE_TITLES[host.page]} – Learning Loop`;
  }, [host.page]);

  return (
    <FluentProvider theme={THEMES[theme]} className={styles.root} data-theme={theme}>
      <ThemeNameContext.Provider value={theme}>
        {host.kind === 'teams' ? <TeamsShell host={host} /> : <LocalShell host={host} />}
      </ThemeNameContext.Provider>
    </FluentProvider>
  );
}

function TeamsShell({ host }: { host: Extract<Host, { kind: 'teams' }> }) {
  const client = useMemo(() => apiClient({ kind: 'sso', getToken: host.getToken }), [host]);
  return (
    <PageForHost
      page={host.page}
      client={client}
      locale={host.locale}
      pollMs={TEAMS_POLL_MS}
      inTeams
      teamId={host.teamId}
      channelId={host.channelId}
      member={host.member}
    />
  );
}
