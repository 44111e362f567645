import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // The charts size themselves to their container; without this a grid cell would never shrink.
    minWidth: 0,
  },
  title: { margin: 0 },
});

/** A chart with its title and a sentence saying what it shows, which is also what screen readers hear. */
export function ChartFigure({
  title,
  description,
  testId,
  children,
}: {
  title: string;
  description: string;
  testId: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const titleId = useId();
  const descriptionId = useId();
  return (
    <figure className={styles.figure} aria-labelledby={titleId} aria-describedby={descriptionId} data-testid={testId}>
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {title}
      </Subtitle2>
      <Caption1 as="p" id={descriptionId} className={styles.title}>
        {description}
      </Caption1>
      {children}
    </figure>
  );
}
