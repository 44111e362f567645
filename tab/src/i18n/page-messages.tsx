import { useContext, useMemo, type ReactNode } from 'react';
import { translator } from '../../../bot/contract/i18n/translate.js';
import { catalogsFor, type MessageKey } from './catalog.js';
import { LanguageContext, TranslatorContext, type TabTranslator } from './i18n-context.js';

export type PageEnglish = Partial<Record<MessageKey, string>>;

/** English with a page's own words, for its pure helpers when not given the user's translator. */
export function englishWith(english: PageEnglish): TabTranslator {
  return translator(catalogsFor('en', {}, english), 'en');
}

/**
 * The translator again, with a page's English added: pages whose words only some people read (the
 * team pages, the learning report) bring their English in their own chunk rather than every first view.
 */
export function PageMessages({ english, children }: { english: PageEnglish; children: ReactNode }) {
  const { tag, catalog } = useContext(LanguageContext);
  const t = useMemo(() => translator(catalogsFor(tag, catalog, english), tag), [tag, catalog, english]);
  return <TranslatorContext.Provider value={t}>{children}</TranslatorContext.Provider>;
}
