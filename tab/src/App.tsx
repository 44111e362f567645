import { FluentProvider } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { apiClient } from './api/api-client.js';
import { LocalShell } from './components/LocalShell.js';
import type { Host, ThemeName } from './host/host.js';
import { PageForHost } from './pages/PageForHost.js';
import { THEMES } from './theme.js';

export function App({ host }: { host: Host }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => {
    if (host.kind === 'teams') host.onThemeChange(setTheme);
  }, [host]);

  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
      {host.kind === 'teams' ? <TeamsShell host={host} /> : <LocalShell host={host} />}
    </FluentProvider>
  );
}

function TeamsShell({ host }: { host: Extract<Host, { kind: 'teams' }> }) {
  const client = useMemo(() => apiClient({ kind: 'sso', getToken: host.getToken }), [host]);
  return <PageForHost page={host.page} client={client} locale={host.locale} pollMs={5000} inTeams />;
}
