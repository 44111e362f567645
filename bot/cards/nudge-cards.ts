import { NUDGE_ANSWERS, type Nudge, type NudgeAnswer } from '../contract/nudge-rules.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const NUDGE_REPLY_VERB = 'nudge.reply';

/** A lead's nudge in the learner's personal chat, with one-press replies. */
export function nudgeCard(
  nudge: Pick<Nudge, 'teamId' | 'nudgeId' | 'leadName' | 'note'>,
  teamName: string,
  t: BotTranslator,
): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      {
        type: 'TextBlock',
        text: t.t('nudge.title', { lead: escapeMarkdown(nudge.leadName) }),
        size: 'medium',
        weight: 'bolder',
        wrap: true,
        style: 'heading',
      },
      { type: 'TextBlock', text: t.t('nudge.from', { team: escapeMarkdown(teamName) }), isSubtle: true, wrap: true, spacing: 'none' },
      ...(nudge.note ? [{ type: 'TextBlock' as const, text: t.t('common.quoted', { text: escapeMarkdown(nudge.note) }), wrap: true }] : []),
      { type: 'TextBlock', text: t.t('nudge.onePress'), wrap: true, isSubtle: true },
    ],
    NUDGE_ANSWERS.map((answer) => ({
      type: 'Action.Execute' as const,
      id: answer,
      title: t.t(`nudgeAnswer.${answer}`),
      verb: NUDGE_REPLY_VERB,
      associatedInputs: 'none' as const,
      data: { teamId: nudge.teamId, nudgeId: nudge.nudgeId, answer },
    })),
  );
}

/** The nudge after the learner answered: what they said, and that it reached their lead. */
export function nudgeAnsweredCard(nudge: Pick<Nudge, 'leadName' | 'note'>, answer: NudgeAnswer, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    {
      type: 'TextBlock',
      text: t.t('nudge.answered', { lead: escapeMarkdown(nudge.leadName), answer: t.t(`nudgeAnswer.${answer}`) }),
      weight: 'bolder',
      color: 'good',
      wrap: true,
    },
    ...(nudge.note
      ? [{ type: 'TextBlock' as const, text: t.t('nudge.theyAsked', { note: escapeMarkdown(nudge.note) }), isSubtle: true, wrap: true }]
      : []),
    { type: 'TextBlock', text: t.t('nudge.answeredNote'), isSubtle: true, wrap: true },
  ]);
}

/** Tells the lead how the learner answered. */
export function nudgeReplyForLeadCard(
  nudge: Pick<Nudge, 'learnerName' | 'note'>,
  answer: NudgeAnswer,
  teamName: string,
  t: BotTranslator,
): AdaptiveCard {
  const team = escapeMarkdown(teamName);
  return adaptiveCard(t, [
    {
      type: 'TextBlock',
      text: t.t('nudge.forLead', { learner: escapeMarkdown(nudge.learnerName), answer: t.t(`nudgeAnswer.${answer}`) }),
      weight: 'bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: nudge.note ? t.t('nudge.forLeadInAsked', { team, note: escapeMarkdown(nudge.note) }) : t.t('nudge.forLeadIn', { team }),
      isSubtle: true,
      wrap: true,
    },
  ]);
}
