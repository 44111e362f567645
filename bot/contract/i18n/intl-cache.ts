/**
 * Intl formatters are costly to build and cheap to use, and a card can ask for several: each is
 * built once per locale and options. The locale comes from the client, so the cache is bounded
 * (a flood of made-up tags empties it rather than growing it).
 */
const MAX_ENTRIES = 500;

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const found = cache.get(key);
  if (found) return found;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const made = make();
  cache.set(key, made);
  return made;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** A limit in the reader's digits without grouping ("2048", "٢٠٤٨"), as the tab's entry form and a card's counter show it. */
export function plainNumber(locale: string, n: number): string {
  return numberFormat(locale, { useGrouping: false }).format(n);
}

/**
 * Dates in the Gregorian calendar whatever the locale: goals, weeks and months are Gregorian dates,
 * and a locale may default to another calendar (Saudi Arabic to the Hijri one in some engines, or
 * any user's "-u-ca-…" tag). The option overrides the tag's own calendar.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(
    dateTimeFormats,
    `${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, { ...options, calendar: 'gregory' }),
  );
}

export function pluralRulesFor(locale: string): Intl.PluralRules {
  return cached(pluralRules, locale, () => new Intl.PluralRules(locale));
}

/** The same bound for anything else built per locale tag (a language's translator). */
export function memoByTag<T>(make: (tag: string) => T): (tag: string) => T {
  const cache = new Map<string, T>();
  return (tag) => cached(cache, tag, () => make(tag));
}

/** Something built from a translator (a schema with its messages): once per translator, kept while the translator lives. */
export function perTranslator<K extends object, T>(make: (t: K) => T): (t: K) => T {
  const cache = new WeakMap<K, T>();
  return (t) => {
    let made = cache.get(t);
    if (made === undefined) cache.set(t, (made = make(t)));
    return made;
  };
}
