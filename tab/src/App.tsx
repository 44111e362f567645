import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { apiClient } from './api/api-client.js';
import { LocalShell } from './components/LocalShell.js';
import type { Host, ThemeName } from './host/host.js';
import { PageForHost } from './pages/PageForHost.js';
import type { Catalog } from './i18n/catalog.js';
import { LanguageProvider, directionOf, useT } from './i18n/i18n-context.js';
import { PAGE_TITLE_KEYS } from './routes.js';
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

/** The tab in the host's language: English when no catalog is given, which is what tests of English text rely on. */
export function App({ host, catalog = {} }: { host: Host; catalog?: Catalog }) {
  return (
    <LanguageProvider tag={host.locale} catalog={catalog}>
      <ThemedApp host={host} />
    </LanguageProvider>
  );
}

function ThemedApp({ host }: { host: Host }) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t(PAGE_TITLE_KEYS[host.page]) });
  }, [host.page, t]);

  return (
    <FluentProvider theme={THEMES[theme]} dir={directionOf(i18n)} className={styles.root} data-theme={theme}>
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
