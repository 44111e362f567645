import type { Catalogs, Translator } from '../contract/i18n/translate.js';
import { translator } from '../contract/i18n/translate.js';
import { memoByTag } from '../contract/i18n/intl-cache.js';
import { ar } from './messages/ar.js';
import { en, type BotMessageKey } from './messages/en.js';
import { es } from './messages/es.js';

export type { BotMessageKey };

/** Everything the bot says, by language; English is complete and the others fall back to it. */
export const botCatalogs: Catalogs<BotMessageKey> = { en, es, ar };

export type BotTranslator = Translator<BotMessageKey>;

/** The bot's messages in the language of a Teams locale tag ("es-ES", "ar-SA"), English for any other. */
export function botTranslator(tag: string | null | undefined): BotTranslator {
  return translatorFor(tag ?? '');
}

// One per tag seen: a translator holds its formatters, and every activity asks for one.
const translatorFor = memoByTag((tag) => translator(botCatalogs, tag));

/** English, for what has no reader's locale: the API's messages, logs, a default. */
export const englishMessages: BotTranslator = botTranslator('en');
