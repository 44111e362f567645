import { SOURCE_TYPE_LABELS, type LearningEntry } from '../domain/learning-entry.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';
import { GOAL_NEW_VERB } from './goal-cards.js';

export const CHECK_IN_NEW_VERB = 'checkin.new';

export interface CheckInSavedCardModel {
  entry: LearningEntry;
  /** Where the learner's log lives, when the tab's address is known. */
  myLearningUrl?: string;
  /** Consecutive scheduled check-ins answered. */
  streak?: number;
  /** What became of sharing it, when the learner asked to. */
  shared?: { ok: true; teamName: string } | { ok: false; problem: string };
}

export function checkInSavedCard({ entry, myLearningUrl, streak = 0, shared }: CheckInSavedCardModel): AdaptiveCard {
  const facts = [
    { title: 'Learned', value: escapeMarkdown(entry.what) },
    { title: 'Source', value: SOURCE_TYPE_LABELS[entry.sourceType] },
    ...(entry.link ? [{ title: 'Link', value: escapeMarkdown(entry.link) }] : []),
    ...(entry.minutes !== null ? [{ title: 'Time', value: `${entry.minutes} min` }] : []),
    ...(entry.rating !== null ? [{ title: 'Useful', value: `${entry.rating}/5` }] : []),
  ];
  const notes: CardElement[] = [];
  if (entry.insight) notes.push(...labelled('Key insight', entry.insight));
  if (entry.action) notes.push(...labelled('Your action', entry.action));

  return adaptiveCard(
    [
      { type: 'TextBlock', text: 'Saved to your learning log', size: 'medium', weight: 'bolder', color: 'good', wrap: true },
      { type: 'FactSet', facts },
      ...notes,
      ...(shared
        ? [
            {
              type: 'TextBlock' as const,
              text: shared.ok ? `Shared in ${escapeMarkdown(shared.teamName)}’s learning channel` : escapeMarkdown(shared.problem),
              color: shared.ok ? ('good' as const) : ('attention' as const),
              wrap: true,
            },
          ]
        : []),
      ...(streak > 0
        ? [{ type: 'TextBlock' as const, text: `Check-in streak: ${streak} in a row`, weight: 'bolder' as const, color: 'accent' as const, wrap: true }]
        : []),
    ],
    [
      { type: 'Action.Execute', id: 'log-another', title: 'Log something else', verb: CHECK_IN_NEW_VERB, data: {} },
      { type: 'Action.Execute', id: 'set-goal', title: 'Set a learning goal', verb: GOAL_NEW_VERB, data: {} },
      ...(myLearningUrl ? [{ type: 'Action.OpenUrl' as const, id: 'open-log', title: 'Open my learning', url: myLearningUrl }] : []),
    ],
  );
}

function labelled(label: string, text: string): CardElement[] {
  return [
    { type: 'TextBlock', text: label, weight: 'bolder', wrap: true, spacing: 'medium' },
    { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, spacing: 'none' },
  ];
}
