import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { CHECK_IN_NEW_VERB } from './check-in-saved-card.js';
import { escapeMarkdown } from './markdown-escape.js';

export interface HelpCardModel {
  /** Set when the learner typed something we did not understand; shown back escaped. */
  unknownCommand?: string;
}

export const COMMANDS = [
  { command: 'check in', aliases: ['checkin', 'log'], description: 'Log something you learned: what, from where, how useful, and what you will do with it.' },
  { command: 'share', aliases: ['share learning'], description: 'Share something you learned in your team’s learning channel (it goes into your log too).' },
  { command: 'goal add', aliases: ['goal'], description: 'Set a learning goal: what, why and by when. Each check-in asks how it is going.' },
  { command: 'pause', aliases: [], description: 'Pause your scheduled check-ins.' },
  { command: 'resume', aliases: [], description: 'Start your scheduled check-ins again.' },
  { command: 'export my data', aliases: ['my data'], description: 'See what Learning Loop holds of yours, and where to download it (JSON or CSV).' },
  { command: 'erase my data', aliases: [], description: 'Delete everything Learning Loop holds of yours. You confirm first; it cannot be undone.' },
  { command: 'help', aliases: [], description: 'Show this list.' },
] as const;

export function helpCard({ unknownCommand }: HelpCardModel = {}): AdaptiveCard {
  return adaptiveCard(
    [
      ...(unknownCommand !== undefined
        ? [{ type: 'TextBlock' as const, text: `Sorry, I didn’t catch “${escapeMarkdown(shorten(unknownCommand))}”.`, weight: 'bolder' as const, wrap: true }]
        : []),
      { type: 'TextBlock', text: 'Learning Loop helps you keep what you learn — here is what I can do:', wrap: true },
      {
        type: 'FactSet',
        facts: COMMANDS.map((c) => ({
          title: [c.command, ...c.aliases].join(', '),
          value: c.description,
        })),
      },
    ],
    [{ type: 'Action.Execute', id: 'start-check-in', title: 'Check in now', verb: CHECK_IN_NEW_VERB, data: {} }],
  );
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}
