import { Title1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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
  // Tables and charts with many columns need the room; prose pages read better narrow.
  wide: { maxWidth: '1240px' },
});

/** Every page: one main landmark with the page's single h1. */
export function PageLayout({ title, children, testId, wide }: { title: string; children?: ReactNode; testId?: string; wide?: boolean }) {
  const styles = useStyles();
  return (
    <main className={mergeClasses(styles.main, wide && styles.wide)} data-testid={testId}>
      <Title1 as="h1">{title}</Title1>
      {children}
    </main>
  );
}
