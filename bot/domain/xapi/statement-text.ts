/** Longest texts we put in a statement: names are titles, responses are a learner's few sentences. */
export const XAPI_TEXT_LIMITS = { name: 200, response: 1000 } as const;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * User text made safe for an LRS: control characters and unpaired surrogates (which no JSON
 * parser on the other side should have to meet) removed, and cut at `max` characters with an
 * ellipsis, never inside a surrogate pair. Undefined when nothing is left.
 */
export function statementText(text: string | null | undefined, max: number): string | undefined {
  if (text === null || text === undefined) return undefined;
  const clean = text.replace(CONTROL, '').replace(LONE_SURROGATE, '').trim();
  if (clean === '') return undefined;
  if (clean.length <= max) return clean;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(clean.charAt(end - 1))) end--;
  return `${clean.slice(0, end).trimEnd()}…`;
}

/** Minutes as an ISO 8601 duration: 25 → PT25M, 90 → PT1H30M. */
export function isoDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (whole === 0) return 'PT0M';
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
}

/**
 * A 1–5 rating as a score. `scaled` places it on the scale's own range, (rating − 1) / 4, so
 * 1 is 0 and 5 is 1 — the xAPI meaning of a scaled score between min and max; raw, min and
 * max carry the rating as given.
 */
export function ratingScore(rating: number): { scaled: number; raw: number; min: number; max: number } {
  const raw = Math.min(5, Math.max(1, Math.round(rating)));
  return { scaled: (raw - 1) / 4, raw, min: 1, max: 5 };
}
