import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PageLayout } from '../components/PageLayout.js';
import { offerTeamTab } from '../host/teams-sdk.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';

/** The configurable tab's setup page: saving it adds the team dashboard to the channel or chat. */
export function ConfigurePage({ inTeams }: { inTeams: boolean }) {
  const i18n = useT();
  const { t } = i18n;
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    if (!inTeams) return;
    offerTeamTab(window.location.origin).catch((error: unknown) => setProblem(failureMessage(i18n, i18n.t('configure.failed'), error)));
  }, [inTeams, i18n]);

  return (
    <PageLayout title={t('configure.title')} testId="configure">
      <Text as="p">{t('configure.about')}</Text>
      <Text as="p">{inTeams ? t('configure.inTeams') : t('configure.outsideTeams')}</Text>
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </PageLayout>
  );
}
