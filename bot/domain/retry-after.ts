/**
 * A `Retry-After` header in milliseconds from now: HTTP allows whole seconds ("120") or an
 * HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"). Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(raw: string | null | undefined, now: number = Date.now()): number | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month in letters; a bare "-5" is no date, though Date.parse takes it as a year.
  if (!/[A-Za-z]/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
