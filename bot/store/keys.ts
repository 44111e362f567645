/**
 * Table keys may not hold `/ \ # ?` or control characters. Every part is percent-encoded
 * (which removes all of those) and parts are joined with `|`, which encoding never emits,
 * so distinct tuples can never collide.
 */
export function keyOf(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p).replace(/[\u0000-\u001f\u007f]/g, '')).join('|');
}

/** The upper bound for a prefix range scan: every key starting `prefix|` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}}`; // '}' sorts right after '|'
}

const MAX_TIME = 9_999_999_999_999;

/** Newest first: Table Storage returns rows in RowKey order, so later times need smaller keys. */
export function newestFirstTimeKey(date: Date): string {
  return String(MAX_TIME - date.getTime()).padStart(13, '0');
}
