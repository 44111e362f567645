import { appLocaleOf, type AppLocale } from '../../../bot/i18n/locales.js';
import type { Catalogs } from '../../../bot/i18n/translate.js';
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

/** The catalogs a translator needs, with only the active language's filled in (English is always there). */
export function catalogsFor(tag: string, catalog: Catalog): Catalogs<MessageKey> {
  const locale = appLocaleOf(tag);
  return { en, es: locale === 'es' ? catalog : {}, ar: locale === 'ar' ? catalog : {} };
}
