/** The languages Learning Loop speaks; English is the fallback for anything else and for any missing message. */
export const APP_LOCALES = ['en', 'es', 'ar'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

const RTL: ReadonlySet<AppLocale> = new Set(['ar']);

/**
 * The app language for a BCP 47 tag as Teams or a browser reports it ("es-MX", "ar-SA", "en-GB",
 * or nothing at all): its primary language when we ship it, English otherwise.
 */
export function appLocaleOf(tag: string | null | undefined): AppLocale {
  const primary = (tag ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return (APP_LOCALES as readonly string[]).includes(primary) ? (primary as AppLocale) : 'en';
}

/** Whether text in this language runs right to left (the tab's `dir`, a card's `rtl`). */
export function isRtl(locale: AppLocale): boolean {
  return RTL.has(locale);
}

/**
 * The tag to format dates and numbers with: the user's own when it is valid and in the app's
 * language (so "es-MX" keeps Mexican formats and "ar-AE" its Latin digits), else the app language
 * itself. Arabic with no region reads in Arabic-Indic digits, as the catalogs' Modern Standard
 * Arabic does (ICU's bare "ar" would write Latin ones).
 */
export function formattingLocale(tag: string | null | undefined): string {
  const app = appLocaleOf(tag);
  let chosen: string = app;
  try {
    const canonical = tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
    if (canonical && canonical.split('-')[0]!.toLowerCase() === app) chosen = canonical;
  } catch {
    // Not a valid tag: the app language alone.
  }
  return chosen === 'ar' ? ARABIC_WITHOUT_REGION : chosen;
}

const ARABIC_WITHOUT_REGION = 'ar-u-nu-arab';
