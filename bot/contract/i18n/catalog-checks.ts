import type { AppLocale } from './locales.js';

/**
 * Checks any message catalog (the bot's, the tab's) can be held to, beyond having the same keys
 * and placeholders as English: counted messages with every plural form the language needs, no
 * number written into a message, and Latin text in Arabic kept in its direction. Each returns
 * one line per problem, key first, so a test can expect an empty list.
 */

export type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The forms a counted message takes in each language: Arabic's six, English's and Spanish's two. */
export const PLURAL_FORMS_NEEDED: Readonly<Record<AppLocale, readonly PluralForm[]>> = {
  en: ['one', 'other'],
  es: ['one', 'other'],
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
};

const FORM = /^(.*)\.(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\w+\}/g;

/**
 * The counted messages of a catalog: every key with a `.one` form names one (a lone `.other` is
 * a choice such as "sourceType.other", not a count).
 */
export function countedBases(english: Readonly<Record<string, string>>): Set<string> {
  return new Set(Object.keys(english).flatMap((key) => (key.endsWith('.one') ? [key.slice(0, -'.one'.length)] : [])));
}

/**
 * Counted messages that lack a form their language needs; in English, a `{count}` followed by a
 * word outside a counted message too (it reads "1 weeks" somewhere). In Arabic, an `.other` form (100, 1000…)
 * whose counted noun is accusative ("١٠٠ شخصًا"): that is the form for 11–99, `.many`.
 */
export function pluralProblems(
  english: Readonly<Record<string, string>>,
  catalog: Readonly<Record<string, string>>,
  language: AppLocale,
): string[] {
  const problems: string[] = [];
  for (const base of countedBases(english)) {
    for (const form of PLURAL_FORMS_NEEDED[language]) {
      if (catalog[`${base}.${form}`] === undefined) problems.push(`${base}: no “${form}” form`);
    }
  }
  if (language === 'en') {
    for (const [key, message] of Object.entries(catalog)) {
      // "{count} weeks" counts a noun; "Sent: {count}" or "of {count}" only shows a figure.
      if (!FORM.test(key) && /\{count\}\s+\p{L}/u.test(message)) problems.push(`${key}: counts {count} but is not a counted message`);
    }
  }
  if (language === 'ar') {
    for (const [key, message] of Object.entries(catalog)) {
      // The noun right after the count: tanwin fath (ـًا / ـً) marks the accusative of 11–99.
      if (key.endsWith('.other') && /\{count\}\s+\S*(?:\u064Bا|ا\u064B|ة\u064B|\u064B)(?=[\s،.؛:)]|$)/.test(message)) {
        problems.push(`${key}: the noun after {count} is accusative (right for 11–99, “many”; not for 100)`);
      }
    }
  }
  return problems;
}

/** Digits a message may write itself, each for a reason: the name of a thing, not a number to format. */
export const DIGITS_ALLOWED: readonly string[] = [
  // "1:1" is the name of a meeting (a one-to-one), in English only.
  '1:1',
];

/**
 * Messages that write a number into their text (Latin or Arabic-Indic digits) instead of a
 * placeholder the translator formats for the reader; `allowed` lists the pieces that may stay.
 */
export function digitProblems(catalog: Readonly<Record<string, string>>, allowed: readonly string[] = DIGITS_ALLOWED): string[] {
  return Object.entries(catalog).flatMap(([key, message]) => {
    let text = message.replace(PLACEHOLDER, '');
    for (const piece of allowed) text = text.split(piece).join('');
    const digit = /[0-9\u0660-\u0669\u06F0-\u06F9]/.exec(text);
    return digit ? [`${key}: writes the digit “${digit[0]}” (make it a placeholder)`] : [];
  });
}

/**
 * Arabic messages whose Latin text would be reordered by the bidirectional algorithm: "https://"
 * with no left-to-right mark after it (the "://" jumps to the far side), and a Latin name followed
 * by a placeholder, a parenthesis or a number with no right-to-left mark between them. Text set
 * apart in a left-to-right isolate (U+2066 … U+2069) keeps its order whatever surrounds it.
 */
export function directionProblems(catalog: Readonly<Record<string, string>>): string[] {
  return Object.entries(catalog).flatMap(([key, whole]) => {
    const message = whole.replace(/\u2066[^\u2069]*\u2069/g, '\u2066\u2069');
    const problems: string[] = [];
    if (/:\/\/(?!\u200E)/.test(message)) problems.push(`${key}: no left-to-right mark (U+200E) after “://”`);
    if (/[A-Za-z][.)]?\s?(?=[{(0-9])/.test(message.replace(PLACEHOLDER, '{}')))
      problems.push(`${key}: Latin text runs into what follows: add a right-to-left mark (U+200F)`);
    return problems;
  });
}
