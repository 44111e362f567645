import { useContext, useMemo, type ReactNode } from 'react';
import { translator } from '../../../bot/i18n/translate.js';
import { catalogsFor } from './catalog.js';
import { LanguageContext, TranslatorContext, type TabTranslator } from './i18n-context.js';
import { en } from './messages/en.js';
import { enTeam } from './messages/en-team.js';

const TEAM_ENGLISH = { ...en, ...enTeam };

/** English with the team pages' words, for their pure helpers when not given the user's translator. */
export const teamEnglish: TabTranslator = translator(catalogsFor('en', {}, TEAM_ENGLISH), 'en');

/**
 * The team dashboard and a member's entries page: the translator again, with their English added,
 * which their chunk brings along rather than every page's first view.
 */
export function TeamMessages({ children }: { children: ReactNode }) {
  const { tag, catalog } = useContext(LanguageContext);
  const t = useMemo(() => translator(catalogsFor(tag, catalog, TEAM_ENGLISH), tag), [tag, catalog]);
  return <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>;
}
