import type { FollowUp } from '../contract/follow-up-rules.js';
import { FOLLOW_UP_NOTE_MAX } from '../contract/follow-up-rules.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';
import { FOLLOW_UP_CLOSE_VERB, aboutLines, followUpNoteInputId } from './follow-up-cards.js';
import { escapeMarkdown } from './markdown-escape.js';

export interface BehindReminderView {
  overdue: number;
  expectedDays: number;
  oldest: { followUp: FollowUp; teamName: string | undefined }[];
  tabUrl: string | undefined;
}

/**
 * To a lead behind what L&D asks, once a week: how many follow-ups have waited longer than the
 * expectation, the oldest few each with a note box and its own Close (the follow-up reminder's verb),
 * and the tab that lists them all.
 */
export function behindReminderCard(view: BehindReminderView, t: BotTranslator): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: t.plural('behind.title', view.overdue), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: t.plural('behind.expectation', view.expectedDays), isSubtle: true, wrap: true, spacing: 'none' },
    ...view.oldest.map(({ followUp, teamName }): CardElement => ({
      type: 'Container',
      separator: true,
      items: [
        ...aboutLines(followUp, teamName ?? t.t('common.yourTeam'), t),
        {
          type: 'Input.Text',
          id: followUpNoteInputId(followUp.followUpId),
          label: t.t('behind.noteFor', { learner: escapeMarkdown(followUp.learnerName) }),
          placeholder: t.t('followUp.note.placeholder'),
          maxLength: FOLLOW_UP_NOTE_MAX,
        },
      ],
    })),
    ...(view.overdue > view.oldest.length
      ? [{ type: 'TextBlock' as const, text: t.plural('behind.more', view.overdue - view.oldest.length), isSubtle: true, wrap: true }]
      : []),
  ];
  const actions: CardAction[] = view.oldest.map(({ followUp }) => ({
    type: 'Action.Execute',
    id: `close-${followUp.followUpId}`,
    title: t.t('behind.close', { learner: followUp.learnerName }),
    verb: FOLLOW_UP_CLOSE_VERB,
    associatedInputs: 'auto',
    data: { teamId: followUp.teamId, followUpId: followUp.followUpId },
  }));
  if (view.tabUrl) actions.push({ type: 'Action.OpenUrl', id: 'open-follow-ups', title: t.t('behind.open'), url: view.tabUrl });
  return adaptiveCard(t, body, actions);
}
