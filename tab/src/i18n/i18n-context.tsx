import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { isRtl } from '../../../bot/contract/i18n/locales.js';
import { translator, type Translator } from '../../../bot/contract/i18n/translate.js';
import { catalogsFor, type Catalog, type MessageKey } from './catalog.js';

export type TabTranslator = Translator<MessageKey>;
export type Direction = 'ltr' | 'rtl';

/** English: the default, and what pure helpers word things in when not given the user's translator. */
export const english: TabTranslator = translator(catalogsFor('en', {}), 'en');

// English without a provider: component tests and any part rendered on its own read as before.
export const TranslatorContext = createContext<TabTranslator>(english);

/** The user's tag and language's messages, for a page that brings more English of its own (TeamMessages). */
export const LanguageContext = createContext<{ tag: string; catalog: Catalog }>({ tag: 'en', catalog: {} });

/** The translator for the tab's language: `t(key, values)`, `plural(key, count)`, and the locale to format with. */
export function useT(): TabTranslator {
  return useContext(TranslatorContext);
}

export function directionOf(t: Pick<TabTranslator, 'locale'>): Direction {
  return isRtl(t.locale) ? 'rtl' : 'ltr';
}

interface Props {
  /** The user's locale tag as Teams or the browser reports it. */
  tag: string;
  /** The language's messages, loaded with `loadCatalog`; English fills any gap. */
  catalog: Catalog;
  children: ReactNode;
}

/**
 * Gives every component the translator, and marks the whole document with the language and its
 * direction: screen readers pick their voice from `lang`, and the browser mirrors layout from `dir`,
 * including Fluent's portals (dialogs, tooltips) that render outside the provider.
 */
export function LanguageProvider({ tag, catalog, children }: Props) {
  const t = useMemo(() => translator(catalogsFor(tag, catalog), tag), [tag, catalog]);
  useEffect(() => {
    const root = document.documentElement;
    // The language and region only: a formatting extension (Arabic's "-u-nu-arab" digits) is not the page's language.
    root.lang = t.formatting.split('-u-')[0]!;
    root.dir = directionOf(t);
  }, [t]);
  const language = useMemo(() => ({ tag, catalog }), [tag, catalog]);
  return (
    <LanguageContext.Provider value={language}>
      <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>
    </LanguageContext.Provider>
  );
}
