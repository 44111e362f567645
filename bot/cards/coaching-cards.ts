import type { CoachingNote } from '../domain/coaching.js';
import { COACHING_ANSWER_MAX } from '../domain/coaching.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const COACHING_ANSWER_VERB = 'coaching.answer';

/** A lead's coaching note in the learner's personal chat, with a box to answer. */
export function coachingNoteCard(note: Pick<CoachingNote, 'noteId' | 'leadName' | 'about' | 'note'>, options: { typed?: string; error?: string } = {}): AdaptiveCard {
  return adaptiveCard(
    [
      { type: 'TextBlock', text: `${escapeMarkdown(note.leadName)} left you a coaching note`, size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: `On what you shared: “${escapeMarkdown(note.about)}”`, isSubtle: true, wrap: true, spacing: 'none' },
      { type: 'TextBlock', text: escapeMarkdown(note.note), wrap: true },
      { type: 'Input.Text', id: 'answer', label: 'Your answer', isMultiline: true, maxLength: COACHING_ANSWER_MAX, value: options.typed ?? '' },
      ...(options.error ? [{ type: 'TextBlock' as const, text: escapeMarkdown(options.error), color: 'attention' as const, wrap: true, spacing: 'none' as const, size: 'small' as const }] : []),
    ],
    [{ type: 'Action.Execute', id: 'send-answer', title: 'Send answer', verb: COACHING_ANSWER_VERB, associatedInputs: 'auto', data: { noteId: note.noteId } }],
  );
}

export function coachingAnsweredCard(note: Pick<CoachingNote, 'leadName' | 'note'>, answer: string): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: `Your answer went to ${escapeMarkdown(note.leadName)}`, weight: 'bolder', color: 'good', wrap: true },
    { type: 'TextBlock', text: `They wrote: “${escapeMarkdown(note.note)}”`, isSubtle: true, wrap: true },
    { type: 'TextBlock', text: `You answered: “${escapeMarkdown(answer)}”`, wrap: true },
  ]);
}

/** Tells the lead how the learner answered their note. */
export function coachingAnswerForLeadCard(learnerName: string, note: Pick<CoachingNote, 'about' | 'note'>, answer: string): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: `${escapeMarkdown(learnerName)} answered your coaching note`, weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: `On “${escapeMarkdown(note.about)}”. You wrote: “${escapeMarkdown(note.note)}”`, isSubtle: true, wrap: true },
    { type: 'TextBlock', text: `“${escapeMarkdown(answer)}”`, wrap: true },
  ]);
}
