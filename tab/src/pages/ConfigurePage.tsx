import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PageLayout } from '../components/PageLayout.js';
import { offerTeamTab } from '../host/teams-sdk.js';

/** The configurable tab's setup page: saving it adds the team dashboard to the channel or chat. */
export function ConfigurePage({ inTeams }: { inTeams: boolean }) {
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    if (!inTeams) return;
    offerTeamTab(window.location.origin).catch((error: unknown) =>
      setProblem(`Couldn't prepare the tab for saving: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, [inTeams]);

  return (
    <PageLayout title="Add Learning Loop to this team" testId="configure">
      <Text as="p">The tab shows the team’s learning: who checked in, minutes and kinds of learning, and who may need a follow-up.</Text>
      <Text as="p">
        {inTeams
          ? 'Select Save to add it.'
          : 'This page sets up the tab when you add Learning Loop to a channel or chat in Microsoft Teams. Open it from Teams to add the tab.'}
      </Text>
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </PageLayout>
  );
}
