import { appLocaleOf, type AppLocale } from '../../../bot/contract/i18n/locales.js';
import type { Catalogs } from '../../../bot/contract/i18n/translate.js';
import { en, type MessageKey } from './messages/en.js';

export type { MessageKey };
export type Catalog = Partial<Record<MessageKey, string>>;

/**
 * The active language's messages. English ships with the first view; Spanish and Arabic each load
 * as their own small chunk, so nobody downloads a language they do not read.
 */
export async function loadCatalog(locale: AppLocale): Promise<Catalog> {
  if (locale === 'es') return (await import('./messages/es.js')).es;
  if (locale === 'ar') return (await import('./messages/ar.js')).ar;
  return en;
}

/**
 * The catalogs a translator needs, with only the active language's filled in. English is the
 * first view's messages plus whatever a page brought with it (the team pages bring theirs).
 */
export function catalogsFor(tag: string, catalog: Catalog, english: Partial<Record<MessageKey, string>> = en): Catalogs<MessageKey> {
  const locale = appLocaleOf(tag);
  // The team pages' English arrives with their chunk, and only their parts ask for it; a key
  // asked for without it would read as the key itself, which the catalog tests guard against.
  const complete = english as Record<MessageKey, string>;
  return { en: complete, es: locale === 'es' ? catalog : {}, ar: locale === 'ar' ? catalog : {} };
}
