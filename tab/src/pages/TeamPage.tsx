import { Text } from '@fluentui/react-components';
import { PageLayout } from '../components/PageLayout.js';

export function TeamPage() {
  return (
    <PageLayout title="Team dashboard" testId="team-dashboard">
      <Text as="p">
        Coming soon: your team’s participation by week, minutes and kinds of learning, streaks, goals on track or overdue, and who
        needs a follow-up.
      </Text>
    </PageLayout>
  );
}
