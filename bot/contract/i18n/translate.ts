import { numberFormat, pluralRulesFor } from './intl-cache.js';
import { appLocaleOf, formattingLocale, type AppLocale } from './locales.js';

/** English defines every message; the other languages may lack some, which then read in English. */
export type Catalogs<K extends string> = { en: Record<K, string> } & { [L in Exclude<AppLocale, 'en'>]: Partial<Record<K, string>> };

export type MessageValues = Record<string, string | number>;

export interface Translator<K extends string> {
  locale: AppLocale;
  /** The tag dates and numbers are formatted with. */
  formatting: string;
  /** The message with `{name}` placeholders filled in; numbers are formatted for the locale. */
  t(key: K, values?: MessageValues): string;
  /**
   * A message that depends on a count: `key.zero`, `key.one`, `key.two`, `key.few`, `key.many`
   * as the language's plural rules choose, else `key.other`. `{count}` is the formatted count,
   * unless `values` give it as the caller wants it shown (a limit without grouping, "2048").
   */
  plural(key: string, count: number, values?: MessageValues): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function translator<K extends string>(catalogs: Catalogs<K>, tag: string | null | undefined): Translator<K> {
  const locale = appLocaleOf(tag);
  const formatting = formattingLocale(tag);
  const numbers = numberFormat(formatting);
  const rules = pluralRulesFor(formatting);
  const lookup = (key: string): string | undefined =>
    (catalogs[locale] as Partial<Record<string, string>>)[key] ?? (catalogs.en as Record<string, string>)[key];
  const fill = (message: string, values: MessageValues = {}) =>
    message.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  return {
    locale,
    formatting,
    t: (key, values) => fill(lookup(key) ?? key, values),
    plural: (key, count, values) => {
      // Arabic has a form for 0 that its plural rules call "zero"; English reads 0 with "other".
      const category = count === 0 && lookup(`${key}.zero`) !== undefined ? 'zero' : rules.select(count);
      const message =
        (catalogs[locale] as Partial<Record<string, string>>)[`${key}.${category}`] ??
        (catalogs[locale] as Partial<Record<string, string>>)[`${key}.other`] ??
        lookup(`${key}.${category}`) ??
        lookup(`${key}.other`) ??
        key;
      return fill(message, { count, ...values });
    },
  };
}

/** Placeholders a message uses, so a test can check every translation fills the same ones. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}
