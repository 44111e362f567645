import { CHECK_IN_LIMITS, isHttpUrl } from '../contract/check-in-rules.js';

/**
 * "Save as learning" on a Teams message: a first draft of the entry from the message's body, for
 * the learner to correct. Teams sends the body as HTML (mentions as `<at>`), and the body is
 * whatever someone typed or pasted, so this reads it as text only and never throws: a draft that
 * is a little off is fine, an error instead of the form is not.
 */
export interface MessageDraft {
  what: string;
  link: string | null;
}

/**
 * Teams bodies stay far below this; it bounds the work a hostile body can cause. The patterns
 * below are linear too (tag bodies stop at the next `<`), but there is no reason to read a
 * megabyte for a 200-character draft.
 */
const MAX_BODY_CHARS = 100_000;

/** Tags that end a line or block: without a space, "<p>one</p><p>two</p>" would read "onetwo". */
const BLOCK_TAG = /<\/?(?:br|p|div|li|ul|ol|tr|td|th|h[1-6]|blockquote|pre|hr|table)\b[^<>]*>/gi;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function messageDraft(body: { content?: unknown; contentType?: unknown } | undefined, maxWhat: number): MessageDraft {
  const content = typeof body === 'object' && body !== null ? body.content : undefined;
  if (typeof content !== 'string') return { what: '', link: null };
  const raw = content.slice(0, MAX_BODY_CHARS);
  const isHtml = typeof body?.contentType === 'string' && body.contentType.toLowerCase() === 'html';

  const text = collapse(isHtml ? htmlToText(raw) : raw);
  const candidates = [...(isHtml ? anchorHrefs(raw) : []), firstUrlIn(text)];
  const link = candidates.find((c): c is string => c !== null && isHttpUrl(c) && c.length <= CHECK_IN_LIMITS.link) ?? null;
  return { what: cut(text, maxWhat), link };
}

function htmlToText(html: string): string {
  return decodeEntities(
    html
      // Script and style text is code, not what the person wrote; an unclosed one runs to the end.
      .replace(/<(script|style)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(BLOCK_TAG, ' ')
      // Every other tag, `<at>` mentions included, goes and leaves its text: "<at>Ana</at>" reads "Ana".
      .replace(/<\/?[a-zA-Z!?][^<>]*>/g, ''),
  );
}

/** Entities are decoded once, after the tags are gone, so "&lt;b&gt;" stays the text "<b>". */
function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The `href` of each `<a>`, in order, entity-decoded (a query's `&` arrives as `&amp;`). */
function anchorHrefs(html: string): string[] {
  const hrefs: string[] = [];
  for (const tag of html.matchAll(/<a\b[^<>]*>/gi)) {
    const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag[0]);
    if (href) hrefs.push(decodeEntities(href[1] ?? href[2] ?? href[3] ?? '').trim());
  }
  return hrefs;
}

/**
 * The first web address in plain text. Punctuation that ends the sentence is not part of it; a
 * closing bracket is kept when the address opened it, as in Wikipedia's "Foo_(bar)".
 */
function firstUrlIn(text: string): string | null {
  const match = /https?:\/\/[^\s<>"']+/i.exec(text);
  if (!match) return null;
  let url = match[0];
  for (;;) {
    const last = url.at(-1);
    if (last !== undefined && '.,;:!?'.includes(last)) url = url.slice(0, -1);
    else if (last === ')' && count(url, ')') > count(url, '(')) url = url.slice(0, -1);
    else if (last === ']' && count(url, ']') > count(url, '[')) url = url.slice(0, -1);
    else return url;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * At most `max` characters, ending with "…" when cut. A cut falls between words unless that would
 * lose more than half of what fits (one very long word, or a URL).
 */
function cut(text: string, max: number): string {
  const limit = Number.isNaN(max) ? 0 : Math.max(0, Math.floor(max));
  if (text.length <= limit) return text;
  if (limit === 0) return '';
  const room = limit - 1;
  const space = text.lastIndexOf(' ', room);
  let kept = space >= room / 2 ? text.slice(0, space) : text.slice(0, room);
  // Never leave half of an emoji or other surrogate pair before the ellipsis.
  if (/[\ud800-\udbff]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}
