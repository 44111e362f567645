/**
 * Table keys may not hold `/ \ # ?` or control characters. Every part is percent-encoded
 * (which removes all of those) and parts are joined with `|`, which encoding never emits,
 * so distinct tuples can never collide.
 */
export function keyOf(...parts: string[]): string {
  return parts.map((p) => encodePart(p).replace(/[\u0000-\u001f\u007f]/g, '')).join('|');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * encodeURIComponent throws on a lone surrogate, which only hostile input carries (JSON allows
 * `"\ud800"`). Such a unit is written `%uD800`: percent-encoding never emits `%u`, so keys stay
 * distinct, and a lookup by a made-up id finds nothing instead of failing the request.
 */
function encodePart(part: string): string {
  if (!LONE_SURROGATE.test(part)) return encodeURIComponent(part);
  let out = '';
  for (const ch of part) {
    const unit = ch.charCodeAt(0);
    out += ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff ? `%u${unit.toString(16).toUpperCase()}` : encodeURIComponent(ch);
  }
  return out;
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

/**
 * The partition keys of one tenant that have further parts (`tenant|team`, `tenant|user`…): a
 * range read over them reaches every team's and person's partition of that tenant and of no other
 * (encoding never emits `|`, so no other tenant's key can start `tenant|`).
 */
export function tenantPartitions(tenantId: string): { from: string; to: string } {
  const tenant = keyOf(tenantId);
  return { from: `${tenant}|`, to: prefixEnd(tenant) };
}
