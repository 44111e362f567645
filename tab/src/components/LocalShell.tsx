import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiFailure, apiClient, fetchDemoIdentities, type ApiClient } from '../api/api-client.js';
import type { DemoIdentity } from '../api/types.js';
import type { Host } from '../host/host.js';
import { pickIdentity, readStoredUser, rememberUser, urlWithUser } from '../local/demo-identity.js';
import { ConfigurePage } from '../pages/ConfigurePage.js';
import { PageForHost } from '../pages/PageForHost.js';
import { failureMessage } from '../i18n/failure.js';
import { useT, type TabTranslator } from '../i18n/i18n-context.js';
import { PAGE_TITLE_KEYS } from '../routes.js';
import { LocalModeBanner } from './LocalModeBanner.js';
import { PageLayout } from './PageLayout.js';

/** Locally nothing else competes for the service, so a new entry can show up within a second. */
const LOCAL_POLL_MS = 1000;

type Identities = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; list: DemoIdentity[] };

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // some sandboxes throw on mere access
  }
}

/** Outside Teams: a clearly labelled local mode where the viewer picks a demo identity instead of signing in. */
export function LocalShell({ host }: { host: Extract<Host, { kind: 'local' }> }) {
  const i18n = useT();
  const [identities, setIdentities] = useState<Identities>({ status: 'loading' });
  const [chosen, setChosen] = useState(() => ({
    queryUser: new URLSearchParams(window.location.search).get('user'),
    storedUser: readStoredUser(storage()),
  }));

  const load = useCallback(() => {
    setIdentities({ status: 'loading' });
    fetchDemoIdentities().then(
      (list) => setIdentities({ status: 'ready', list }),
      (error: unknown) => setIdentities({ status: 'failed', message: identitiesProblem(i18n, error) }),
    );
  }, [i18n]);
  useEffect(load, [load]);

  const list = identities.status === 'ready' ? identities.list : [];
  const current = pickIdentity(list, chosen);
  const client = useMemo(
    () => (current ? apiClient({ kind: 'local', tenantId: current.tenantId, userId: current.userId }) : undefined),
    [current],
  );

  const choose = (userId: string) => {
    rememberUser(storage(), userId);
    window.history.replaceState(window.history.state, '', urlWithUser(window.location.href, userId));
    setChosen({ queryUser: userId, storedUser: userId });
  };

  return (
    <>
      <LocalModeBanner reason={host.reason} identities={list} current={current} onChoose={choose} />
      <LocalContent
        host={host}
        identities={identities}
        client={client}
        identityKey={current && `${current.tenantId}/${current.userId}`}
        onRetry={load}
      />
    </>
  );
}

interface ContentProps {
  host: Extract<Host, { kind: 'local' }>;
  identities: Identities;
  client: ApiClient | undefined;
  identityKey: string | undefined;
  onRetry: () => void;
}

function LocalContent({ host, identities, client, identityKey, onRetry }: ContentProps) {
  const { t } = useT();
  // Setting up the tab needs nobody's identity, and must explain itself even where local mode is off.
  if (host.page === 'configure') return <ConfigurePage inTeams={false} />;
  if (client) {
    // A new key per person: nothing from the previous person's log lingers on screen.
    return (
      <PageForHost
        key={identityKey}
        page={host.page}
        client={client}
        locale={host.locale}
        pollMs={LOCAL_POLL_MS}
        inTeams={false}
        teamId={host.teamId}
        member={host.member}
      />
    );
  }
  const title = t(PAGE_TITLE_KEYS[host.page]);
  if (identities.status === 'loading') {
    return (
      <PageLayout title={title}>
        <Spinner label={t('local.loadingIdentities')} />
      </PageLayout>
    );
  }
  if (identities.status === 'failed') {
    return (
      <PageLayout title={title}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{identities.message}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={onRetry}>{t('common.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      </PageLayout>
    );
  }
  return (
    <PageLayout title={title}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('local.noPeople')}</MessageBarBody>
      </MessageBar>
    </PageLayout>
  );
}

function identitiesProblem(i18n: TabTranslator, error: unknown): string {
  if (error instanceof ApiFailure && error.status === 404) return i18n.t('local.noLocalMode');
  return failureMessage(i18n, i18n.t('local.loadIdentitiesFailed'), error);
}
