import { pages } from '@microsoft/teams-js';
import { Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';

const useStyles = makeStyles({ main: { display: 'grid', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL } });

/** The configurable tab's setup page: adding the tab to a channel or chat points it at the team page. */
export function ConfigurePage({ inTeams }: { inTeams: boolean }) {
  const styles = useStyles();
  useEffect(() => {
    if (!inTeams) return;
    pages.config.registerOnSaveHandler((save) => {
      const origin = window.location.origin;
      void pages.config
        .setConfig({
          entityId: 'learning-loop-team',
          contentUrl: `${origin}/team`,
          websiteUrl: `${origin}/team`,
          suggestedDisplayName: 'Learning Loop',
        })
        .then(() => save.notifySuccess())
        .catch((error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)));
    });
    void pages.config.setValidityState(true);
  }, [inTeams]);

  return (
    <main className={styles.main}>
      <Title1 as="h1">Add Learning Loop to this team</Title1>
      <Text>
        The tab shows the team’s learning: who checked in, minutes and kinds of learning, and who may need a follow-up.
        {inTeams ? ' Select Save to add it.' : ' Open this page from Teams to add the tab to a channel.'}
      </Text>
    </main>
  );
}
