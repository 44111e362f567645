import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * A card's look — raised surface, rounded corners, room inside — on plain markup. Fluent's Card
 * adds focus handling these cards do not need, and weighs on the first view of every page using it.
 */
export const useCardSurfaceStyles = makeStyles({
  surface: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Forced-colours modes drop shadows: a border keeps each card apart there.
    border: `${tokens.strokeWidthThin} solid transparent`,
  },
});
