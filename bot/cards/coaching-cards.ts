import type { CoachingNote } from '../contract/coaching-rules.js';
import { COACHING_ANSWER_MAX } from '../domain/coaching.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';
import type { BotTranslator } from '../i18n/bot-messages.js';

export const COACHING_ANSWER_VERB = 'coaching.answer';

/** A lead's coaching note in the learner's personal chat, with a box to answer. */
export function coachingNoteCard(
  note: Pick<CoachingNote, 'noteId' | 'leadName' | 'about' | 'note' | 'entryId'>,
  t: BotTranslator,
  options: { typed?: string; error?: string } = {},
): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      {
        type: 'TextBlock',
        text: t.t('coaching.title', { lead: escapeMarkdown(note.leadName) }),
        size: 'medium',
        weight: 'bolder',
        wrap: true,
        style: 'heading',
      },
      {
        type: 'TextBlock',
        // On an entry of their log, or on what they shared with the team.
        text: t.t(note.entryId ? 'coaching.aboutEntry' : 'coaching.about', { about: escapeMarkdown(note.about) }),
        isSubtle: true,
        wrap: true,
        spacing: 'none',
      },
      { type: 'TextBlock', text: escapeMarkdown(note.note), wrap: true },
      {
        type: 'Input.Text',
        id: 'answer',
        label: t.t('coaching.answer.label'),
        isMultiline: true,
        maxLength: COACHING_ANSWER_MAX,
        value: options.typed ?? '',
      },
      ...(options.error
        ? [
            {
              type: 'TextBlock' as const,
              text: escapeMarkdown(options.error),
              color: 'attention' as const,
              wrap: true,
              spacing: 'none' as const,
              size: 'small' as const,
            },
          ]
        : []),
    ],
    [
      {
        type: 'Action.Execute',
        id: 'send-answer',
        title: t.t('coaching.send'),
        verb: COACHING_ANSWER_VERB,
        associatedInputs: 'auto',
        data: { noteId: note.noteId },
      },
    ],
  );
}

export function coachingAnsweredCard(note: Pick<CoachingNote, 'leadName' | 'note'>, answer: string, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    {
      type: 'TextBlock',
      text: t.t('coaching.answered.title', { lead: escapeMarkdown(note.leadName) }),
      weight: 'bolder',
      color: 'good',
      wrap: true,
    },
    { type: 'TextBlock', text: t.t('coaching.answered.theyWrote', { note: escapeMarkdown(note.note) }), isSubtle: true, wrap: true },
    { type: 'TextBlock', text: t.t('coaching.answered.youAnswered', { answer: escapeMarkdown(answer) }), wrap: true },
  ]);
}

/** Tells the lead how the learner answered their note. */
export function coachingAnswerForLeadCard(
  learnerName: string,
  note: Pick<CoachingNote, 'about' | 'note'>,
  answer: string,
  t: BotTranslator,
): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('coaching.forLead.title', { learner: escapeMarkdown(learnerName) }), weight: 'bolder', wrap: true },
    {
      type: 'TextBlock',
      text: t.t('coaching.forLead.about', { about: escapeMarkdown(note.about), note: escapeMarkdown(note.note) }),
      isSubtle: true,
      wrap: true,
    },
    { type: 'TextBlock', text: t.t('common.quoted', { text: escapeMarkdown(answer) }), wrap: true },
  ]);
}
