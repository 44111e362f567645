import type { WeeklyRoundup } from '../domain/weekly-roundup.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { formatDay, formatMinutes } from '../i18n/format.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { DIALOG_KEY } from './learning-dialog-card.js';
import { escapeMarkdown } from './markdown-escape.js';

/**
 * The weekly round-up in a team's learning channel: the week's most helpful shares, how many
 * people logged learning and for how long, and **Share yours**, which opens the share form in a
 * dialog (a task/fetch), so whoever presses it shares privately and nothing of theirs shows here.
 */
export function weeklyRoundupCard(roundup: WeeklyRoundup, t: BotTranslator): AdaptiveCard {
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: t.t('roundup.title', { team: escapeMarkdown(roundup.teamName) }),
      size: 'large',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
    {
      type: 'TextBlock',
      text: t.t('roundup.weekOf', { date: formatDay(t.formatting, roundup.weekStart) }),
      isSubtle: true,
      spacing: 'none',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: t.plural('roundup.learners', roundup.people, { duration: formatMinutes(t.formatting, roundup.minutes) }),
      wrap: true,
    },
    { type: 'TextBlock', text: t.t('roundup.helpfulTitle'), weight: 'bolder', wrap: true, spacing: 'medium' },
    ...roundup.shares.map((s) => ({
      type: 'TextBlock' as const,
      text: t.plural('roundup.share', s.helpful, { what: escapeMarkdown(s.what), name: escapeMarkdown(s.sharerName) }),
      wrap: true,
      spacing: 'small' as const,
    })),
    { type: 'TextBlock', text: t.t('roundup.invite'), isSubtle: true, wrap: true, spacing: 'medium' },
  ];
  return adaptiveCard(t, body, [
    {
      type: 'Action.Submit',
      id: 'share-yours',
      title: t.t('roundup.shareYours'),
      data: { msteams: { type: 'task/fetch' }, [DIALOG_KEY]: 'share' },
    },
  ]);
}
