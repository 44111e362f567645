import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { CHECK_IN_NEW_VERB } from './check-in-saved-card.js';
import { escapeMarkdown } from './markdown-escape.js';

/** The one short hello each member gets when their team starts using the app. */
export function introCard({ displayName, teamName }: { displayName: string; teamName: string }): AdaptiveCard {
  return adaptiveCard(
    [
      { type: 'TextBlock', text: `Hi ${escapeMarkdown(displayName)} — I’m Learning Loop`, size: 'medium', weight: 'bolder', wrap: true },
      {
        type: 'TextBlock',
        wrap: true,
        text: `${escapeMarkdown(teamName)} uses me for a one-minute learning check-in. I’ll ask what you learned, what you took from it and what you’ll do with it — at your team’s check-in time, in your own time zone.`,
      },
      { type: 'TextBlock', wrap: true, isSubtle: true, text: 'Your log is yours: type "help" for what I can do, or "pause" to take a break.' },
    ],
    [{ type: 'Action.Execute', id: 'first-check-in', title: 'Log something now', verb: CHECK_IN_NEW_VERB, data: {} }],
  );
}
