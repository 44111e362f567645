import type { FollowUp } from '../contract/follow-up-rules.js';
import { FOLLOW_UP_NOTE_MAX } from '../contract/follow-up-rules.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { followUpText } from '../i18n/follow-up-text.js';
import { formatStoredDay } from '../i18n/format.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const FOLLOW_UP_CLOSE_VERB = 'followUp.close';

/** The note box of one follow-up on a card that lists several (the lead's weekly reminder). */
export function followUpNoteInputId(followUpId: string): string {
  return `note-${followUpId}`;
}

/** Who, what about and since when: the lines every follow-up card starts with. */
export function aboutLines(followUp: FollowUp, teamName: string, t: BotTranslator): CardElement[] {
  const reason = followUp.why ? followUpText(followUp.why, t, escapeMarkdown) : followUp.reason ? escapeMarkdown(followUp.reason) : null;
  return [
    {
      type: 'TextBlock',
      text: t.t('followUp.answered', {
        learner: escapeMarkdown(followUp.learnerName),
        answer: t.t(`nudgeAnswer.${followUp.answer}`),
        team: escapeMarkdown(teamName),
      }),
      wrap: true,
    },
    ...(reason
      ? [{ type: 'TextBlock' as const, text: t.t('followUp.reason', { reason }), isSubtle: true, wrap: true, spacing: 'none' as const }]
      : []),
    {
      type: 'TextBlock',
      text: t.t('followUp.since', { date: formatStoredDay(t.formatting, followUp.openedAt.slice(0, 10)) }),
      isSubtle: true,
      wrap: true,
      spacing: 'none',
    },
  ];
}

/** To a lead: a follow-up has waited longer than expected; a short note and Close close it here. */
export function followUpReminderCard(
  view: { followUp: FollowUp; teamName: string | undefined; daysWaiting: number },
  t: BotTranslator,
  options: { typed?: string; error?: string } = {},
): AdaptiveCard {
  const teamName = view.teamName ?? t.t('common.yourTeam');
  return adaptiveCard(
    t,
    [
      {
        type: 'TextBlock',
        text: t.plural('followUp.reminder.title', view.daysWaiting),
        size: 'medium',
        weight: 'bolder',
        wrap: true,
        style: 'heading',
      },
      ...aboutLines(view.followUp, teamName, t),
      {
        type: 'Input.Text',
        id: 'note',
        label: t.t('followUp.note.label'),
        placeholder: t.t('followUp.note.placeholder'),
        maxLength: FOLLOW_UP_NOTE_MAX,
        isRequired: true,
        errorMessage: t.t('followUp.note.missing'),
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
        id: 'close-follow-up',
        title: t.t('followUp.close'),
        verb: FOLLOW_UP_CLOSE_VERB,
        associatedInputs: 'auto',
        data: { teamId: view.followUp.teamId, followUpId: view.followUp.followUpId },
      },
    ],
  );
}

/** The reminder once closed, here or elsewhere: who closed it, with what note, and that the learner was told. */
export function followUpClosedCard(followUp: FollowUp, t: BotTranslator, options: { alreadyClosed?: boolean } = {}): AdaptiveCard {
  const closed = followUp.closed;
  return adaptiveCard(t, [
    {
      type: 'TextBlock',
      text: t.t(options.alreadyClosed ? 'followUp.closed.already' : 'followUp.closed.title', {
        learner: escapeMarkdown(followUp.learnerName),
        lead: escapeMarkdown(closed?.by.displayName ?? ''),
      }),
      weight: 'bolder',
      color: 'good',
      wrap: true,
    },
    ...(closed ? [{ type: 'TextBlock' as const, text: t.t('common.quoted', { text: escapeMarkdown(closed.note) }), wrap: true }] : []),
    { type: 'TextBlock', text: t.t('followUp.closed.told', { learner: escapeMarkdown(followUp.learnerName) }), isSubtle: true, wrap: true },
  ]);
}

/** To the learner: their lead closed the follow-up their answer opened, with the lead's note. */
export function followUpClosedForLearnerCard(followUp: FollowUp, teamName: string | undefined, t: BotTranslator): AdaptiveCard {
  const closed = followUp.closed;
  return adaptiveCard(t, [
    {
      type: 'TextBlock',
      text: t.t('followUp.learner.title', {
        lead: escapeMarkdown(closed?.by.displayName ?? ''),
        answer: t.t(`nudgeAnswer.${followUp.answer}`),
      }),
      size: 'medium',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
    ...(closed ? [{ type: 'TextBlock' as const, text: t.t('common.quoted', { text: escapeMarkdown(closed.note) }), wrap: true }] : []),
    {
      type: 'TextBlock',
      text: t.t('followUp.learner.from', { team: escapeMarkdown(teamName ?? t.t('common.yourTeam')) }),
      isSubtle: true,
      wrap: true,
    },
  ]);
}
