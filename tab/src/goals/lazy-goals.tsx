import type { ComponentProps } from 'react';
import { lazySection } from '../shares/lazy-section.js';
import { AddGoalDialog } from './AddGoalDialog.js';
import type { GoalsList } from './GoalsList.js';

type GoalsProps = Omit<ComponentProps<typeof GoalsList>, 'heading' | 'AddGoal'>;

// The body loads on demand with the shares' (see share-sections.ts): the first view carries only the heading and the loader.
const LazyGoalsSection = lazySection<Omit<ComponentProps<typeof GoalsList>, 'heading'>>({
  load: () => import('../shares/share-sections.js').then((m) => ({ default: m.GoalsList })),
  title: 'goals.title',
  testId: 'goals-section',
  loadingLabel: 'goals.loading',
  failure: 'goals.sectionFailed',
});

/** The learner's goals, below their log. The Add a goal dialog's frame comes from here, with the page (see AddGoalDialog). */
export function LazyGoals(props: GoalsProps) {
  return <LazyGoalsSection {...props} AddGoal={AddGoalDialog} />;
}
