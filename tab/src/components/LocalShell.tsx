import { Dropdown, MessageBar, MessageBarBody, MessageBarTitle, Option, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { apiClient, fetchDemoIdentities } from '../api/api-client.js';
import type { DemoIdentity } from '../api/types.js';
import type { Host } from '../host/host.js';
import { PageForHost } from '../pages/PageForHost.js';

const STORAGE_KEY = 'learning-loop.demo-user';

const useStyles = makeStyles({
  banner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  picker: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Outside Teams: a clearly labelled local mode with a demo identity instead of sign-in. */
export function LocalShell({ host }: { host: Extract<Host, { kind: 'local' }> }) {
  const styles = useStyles();
  const [identities, setIdentities] = useState<DemoIdentity[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [userId, setUserId] = useState<string | undefined>(
    () => new URLSearchParams(window.location.search).get('user') ?? localStorage.getItem(STORAGE_KEY) ?? undefined,
  );

  useEffect(() => {
    fetchDemoIdentities<DemoIdentity>()
      .then(setIdentities)
      .catch((error: unknown) =>
        setFailure(
          `Local mode needs the service to run in local mode with demo identities (${error instanceof Error ? error.message : String(error)}).`,
        ),
      );
  }, []);

  const current = identities?.find((i) => i.userId === userId) ?? identities?.[0];
  const client = useMemo(
    () => (current ? apiClient({ kind: 'local', tenantId: current.tenantId, userId: current.userId }) : undefined),
    [current],
  );

  const choose = (id: string) => {
    localStorage.setItem(STORAGE_KEY, id);
    setUserId(id);
  };

  return (
    <>
      <header className={styles.banner} role="banner">
        <MessageBar intent="warning" layout="singleline">
          <MessageBarBody>
            <MessageBarTitle>Local mode</MessageBarTitle>
            Demo identity, not signed in. {host.reason}
          </MessageBarBody>
        </MessageBar>
        {identities && identities.length > 0 && current && (
          <div className={styles.picker}>
            <label htmlFor="demo-identity">Demo identity</label>
            <Dropdown
              id="demo-identity"
              value={current.displayName}
              selectedOptions={[current.userId]}
              onOptionSelect={(_e, data) => data.optionValue && choose(data.optionValue)}
            >
              {identities.map((i) => (
                <Option key={i.userId} value={i.userId}>
                  {i.displayName}
                </Option>
              ))}
            </Dropdown>
          </div>
        )}
      </header>
      {failure && (
        <main>
          <MessageBar intent="error">
            <MessageBarBody>{failure}</MessageBarBody>
          </MessageBar>
        </main>
      )}
      {!failure && !client && (
        <main>
          <Spinner label="Loading demo identities…" />
        </main>
      )}
      {!failure && identities?.length === 0 && (
        <main>
          <MessageBar intent="info">
            <MessageBarBody>No demo people yet. Start with npm start, which adds the demo team to an empty store.</MessageBarBody>
          </MessageBar>
        </main>
      )}
      {client && current && <PageForHost key={current.userId} page={host.page} client={client} locale={host.locale} pollMs={1000} />}
    </>
  );
}
