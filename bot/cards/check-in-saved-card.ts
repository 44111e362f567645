import type { LearningEntry } from '../contract/learning-entry.js';
import { RATING_SCALE } from '../contract/check-in-rules.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { formatMinutes } from '../i18n/format.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';
import { GOAL_NEW_VERB } from './goal-cards.js';
import { sharePromptActions, sharePromptBody, type SharePromptModel } from './share-prompt-card.js';

export const CHECK_IN_NEW_VERB = 'checkin.new';

export interface CheckInSavedCardModel {
  entry: LearningEntry;
  /** Where the learner's log lives, when the tab's address is known. */
  myLearningUrl?: string;
  /** Consecutive scheduled check-ins answered. */
  streak?: number;
  /** What became of sharing it, when the learner asked to. */
  shared?: { ok: true; teamName: string } | { ok: false; problem: string };
  /** An offer to share it with the team, when it earned one. */
  sharePrompt?: SharePromptModel;
}

export function checkInSavedCard(
  { entry, myLearningUrl, streak = 0, shared, sharePrompt }: CheckInSavedCardModel,
  t: BotTranslator,
): AdaptiveCard {
  const facts = [
    { title: t.t('checkInSaved.learned'), value: escapeMarkdown(entry.what) },
    { title: t.t('checkInSaved.source'), value: t.t(`sourceType.${entry.sourceType}`) },
    ...(entry.link ? [{ title: t.t('checkInSaved.link'), value: escapeMarkdown(entry.link) }] : []),
    ...(entry.minutes !== null ? [{ title: t.t('checkInSaved.time'), value: formatMinutes(t.formatting, entry.minutes) }] : []),
    ...(entry.rating !== null
      ? [{ title: t.t('checkInSaved.useful'), value: t.t('checkInSaved.usefulValue', { rating: entry.rating, max: RATING_SCALE.max }) }]
      : []),
  ];
  const notes: CardElement[] = [];
  if (entry.insight) notes.push(...labelled(t.t('checkInSaved.insight'), entry.insight));
  if (entry.action) notes.push(...labelled(t.t('checkInSaved.action'), entry.action));

  return adaptiveCard(
    t,
    [
      { type: 'TextBlock', text: t.t('checkInSaved.title'), size: 'medium', weight: 'bolder', color: 'good', wrap: true },
      { type: 'FactSet', facts },
      ...notes,
      ...(shared
        ? [
            {
              type: 'TextBlock' as const,
              text: shared.ok ? t.t('checkInSaved.sharedIn', { team: escapeMarkdown(shared.teamName) }) : escapeMarkdown(shared.problem),
              color: shared.ok ? ('good' as const) : ('attention' as const),
              wrap: true,
            },
          ]
        : []),
      ...(streak > 0
        ? [
            {
              type: 'TextBlock' as const,
              text: t.plural('common.streak', streak),
              weight: 'bolder' as const,
              color: 'accent' as const,
              wrap: true,
            },
          ]
        : []),
      ...(sharePrompt ? sharePromptBody(sharePrompt, t) : []),
    ],
    [
      ...(sharePrompt ? sharePromptActions(sharePrompt, t) : []),
      { type: 'Action.Execute', id: 'log-another', title: t.t('checkInSaved.logAnother'), verb: CHECK_IN_NEW_VERB, data: {} },
      { type: 'Action.Execute', id: 'set-goal', title: t.t('checkInSaved.setGoal'), verb: GOAL_NEW_VERB, data: {} },
      ...(myLearningUrl
        ? [{ type: 'Action.OpenUrl' as const, id: 'open-log', title: t.t('checkInSaved.openLog'), url: myLearningUrl }]
        : []),
    ],
  );
}

function labelled(label: string, text: string): CardElement[] {
  return [
    { type: 'TextBlock', text: label, weight: 'bolder', wrap: true, spacing: 'medium' },
    { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, spacing: 'none' },
  ];
}
