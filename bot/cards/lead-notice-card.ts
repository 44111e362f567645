import type { BotTranslator } from '../i18n/bot-messages.js';
import { formatStoredDay } from '../i18n/format.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/**
 * Tells a member that someone became a lead of their team, and what that lead reads: the entries
 * they let leads see, written since they joined the team (the day in UTC, as the joining time is stored).
 */
export function leadNoticeCard(
  { leadName, teamName, joinedAt }: { leadName: string; teamName: string; joinedAt: string },
  t: BotTranslator,
): AdaptiveCard {
  const team = escapeMarkdown(teamName);
  return adaptiveCard(t, [
    {
      type: 'TextBlock',
      text: t.t('leadNotice.title', { lead: escapeMarkdown(leadName), team }),
      size: 'medium',
      weight: 'bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      wrap: true,
      text: t.t('leadNotice.body', { team, choice: t.t('visibility.leads'), date: formatStoredDay(t.formatting, joinedAt.slice(0, 10)) }),
    },
    { type: 'TextBlock', wrap: true, isSubtle: true, text: t.t('leadNotice.choose') },
  ]);
}
