import { Text, Title1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ main: { display: 'grid', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL } });

export function TeamPage() {
  const styles = useStyles();
  return (
    <main className={styles.main}>
      <Title1 as="h1">Team learning</Title1>
      <Text>The team dashboard — participation, minutes, streaks and who needs a follow-up — is on its way.</Text>
    </main>
  );
}
