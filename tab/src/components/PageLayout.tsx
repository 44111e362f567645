import { Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  main: {
    display: 'grid',
    alignContent: 'start',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '880px',
    // The grid gap spaces the page; default paragraph and heading margins would double it.
    '& > h1, & > p': { margin: 0 },
  },
});

/** Every page: one main landmark with the page's single h1. */
export function PageLayout({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <main className={styles.main} data-testid={testId}>
      <Title1 as="h1">{title}</Title1>
      {children}
    </main>
  );
}
