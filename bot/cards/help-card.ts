import type { BotMessageKey, BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import { CHECK_IN_NEW_VERB } from './check-in-saved-card.js';
import { escapeMarkdown } from './markdown-escape.js';

export interface HelpCardModel {
  /** Set when the learner typed something we did not understand; shown back escaped. */
  unknownCommand?: string;
}

/** The commands stay in English in every language: they are what the parser understands. */
export const COMMANDS = [
  { command: 'check in', aliases: ['checkin', 'log'], description: 'help.checkIn' },
  { command: 'share', aliases: ['share learning'], description: 'help.share' },
  { command: 'goal add', aliases: ['goal'], description: 'help.goal' },
  { command: 'pause', aliases: [], description: 'help.pause' },
  { command: 'resume', aliases: [], description: 'help.resume' },
  { command: 'export my data', aliases: ['my data'], description: 'help.exportMyData' },
  { command: 'erase my data', aliases: [], description: 'help.eraseMyData' },
  { command: 'help', aliases: [], description: 'help.help' },
] as const satisfies readonly { command: string; aliases: readonly string[]; description: BotMessageKey }[];

export function helpCard(t: BotTranslator, { unknownCommand }: HelpCardModel = {}): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      ...(unknownCommand !== undefined
        ? [
            {
              type: 'TextBlock' as const,
              text: t.t('help.unknown', { text: escapeMarkdown(shorten(unknownCommand)) }),
              weight: 'bolder' as const,
              wrap: true,
            },
          ]
        : []),
      { type: 'TextBlock', text: t.t('help.intro'), wrap: true },
      {
        type: 'FactSet',
        facts: COMMANDS.map((c) => ({
          title: [c.command, ...c.aliases].join(', '),
          value: t.t(c.description),
        })),
      },
      ...(t.locale === 'en' ? [] : [{ type: 'TextBlock' as const, text: t.t('help.commandsNote'), isSubtle: true, wrap: true }]),
    ],
    [{ type: 'Action.Execute', id: 'start-check-in', title: t.t('help.checkInNow'), verb: CHECK_IN_NEW_VERB, data: {} }],
  );
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}
