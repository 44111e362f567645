const FALLBACK = 'en-US';

/** Teams and browsers sometimes report tags Intl rejects (or none); formatting must never throw for that. */
export function safeLocale(tag: string | undefined | null): string {
  if (!tag) return FALLBACK;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? FALLBACK;
  } catch {
    return FALLBACK;
  }
}
