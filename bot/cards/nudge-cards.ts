import { NUDGE_ANSWERS, NUDGE_ANSWER_LABELS, type Nudge, type NudgeAnswer } from '../domain/nudge.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const NUDGE_REPLY_VERB = 'nudge.reply';

/** A lead's nudge in the learner's personal chat, with one-press replies. */
export function nudgeCard(nudge: Pick<Nudge, 'teamId' | 'nudgeId' | 'leadName' | 'note'>, teamName: string): AdaptiveCard {
  return adaptiveCard(
    [
      { type: 'TextBlock', text: `${escapeMarkdown(nudge.leadName)} is checking in on your learning`, size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: `From your lead in ${escapeMarkdown(teamName)}.`, isSubtle: true, wrap: true, spacing: 'none' },
      ...(nudge.note ? [{ type: 'TextBlock' as const, text: `“${escapeMarkdown(nudge.note)}”`, wrap: true }] : []),
      { type: 'TextBlock', text: 'One press tells them how it is going.', wrap: true, isSubtle: true },
    ],
    NUDGE_ANSWERS.map((answer) => ({
      type: 'Action.Execute' as const,
      id: answer,
      title: NUDGE_ANSWER_LABELS[answer],
      verb: NUDGE_REPLY_VERB,
      associatedInputs: 'none' as const,
      data: { teamId: nudge.teamId, nudgeId: nudge.nudgeId, answer },
    })),
  );
}

/** The nudge after the learner answered: what they said, and that it reached their lead. */
export function nudgeAnsweredCard(nudge: Pick<Nudge, 'leadName' | 'note'>, answer: NudgeAnswer): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: `You told ${escapeMarkdown(nudge.leadName)}: ${NUDGE_ANSWER_LABELS[answer]}`, weight: 'bolder', color: 'good', wrap: true },
    ...(nudge.note ? [{ type: 'TextBlock' as const, text: `They asked: “${escapeMarkdown(nudge.note)}”`, isSubtle: true, wrap: true }] : []),
    { type: 'TextBlock', text: 'Your lead has your answer. You can change it by asking them directly.', isSubtle: true, wrap: true },
  ]);
}

/** Tells the lead how the learner answered. */
export function nudgeReplyForLeadCard(nudge: Pick<Nudge, 'learnerName' | 'note'>, answer: NudgeAnswer, teamName: string): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: `${escapeMarkdown(nudge.learnerName)} answered your nudge: ${NUDGE_ANSWER_LABELS[answer]}`, weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: `In ${escapeMarkdown(teamName)}.${nudge.note ? ` You had asked: “${escapeMarkdown(nudge.note)}”` : ''}`, isSubtle: true, wrap: true },
  ]);
}
