import type { BotMessageKey, BotTranslator } from '../i18n/bot-messages.js';

/**
 * A refusal as data: the message key and its values, worded only when someone reads it, in their
 * language. A value may itself be a message (a field's label) or text with messages in it (a list
 * of choices), so nothing is worded before the reader is known.
 */
export interface Problem {
  key: BotMessageKey;
  values?: Record<string, ProblemValue>;
  /** Set for a message that depends on a count (`t.plural`). */
  count?: number;
}

export type ProblemValue = string | number | Problem | { parts: Array<string | Problem> };

/** Field → its problem, as forms report them. */
export type Problems<F extends string> = Partial<Record<F, Problem>>;

const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * A translator that words nothing: each message comes back as its key and values, sealed in the
 * text. The validators word their problems through whichever translator they are given; given
 * this one, what they return is read back as data with `problemOf`. One instance, so the schemas
 * built per translator are built once.
 */
export const deferredMessages: BotTranslator = {
  locale: 'en',
  formatting: 'en',
  t: (key, values) => `${OPEN}${JSON.stringify({ key, ...(values ? { values } : {}) })}${CLOSE}`,
  plural: (key, count, values) => `${OPEN}${JSON.stringify({ key, count, ...(values ? { values } : {}) })}${CLOSE}`,
};

/** A message worded by `deferredMessages`, as data. Text that holds no message is its own problem's only words. */
export function problemOf(text: string): Problem {
  const value = valueOf(text);
  if (typeof value === 'object' && 'key' in value) return value;
  return { key: 'validation.checkAnswer', values: {} };
}

/** The problems of a form, each read back as data. */
export function problemsOf<F extends string>(errors: Partial<Record<F, string>>): Problems<F> {
  const problems: Problems<F> = {};
  for (const [field, text] of Object.entries(errors) as Array<[F, string | undefined]>) {
    // Defined rather than assigned, so even a field named "__proto__" keeps its own entry.
    if (text !== undefined) Object.defineProperty(problems, field, { value: problemOf(text), enumerable: true, writable: true });
  }
  return problems;
}

function valueOf(text: string): ProblemValue {
  const segments = text.split(/(\u0002.*?\u0003)/).filter((s) => s !== '');
  const parts = segments.map((s) => (s.startsWith(OPEN) && s.endsWith(CLOSE) ? (decoded(s.slice(1, -1)) ?? s) : s));
  if (parts.length === 1 && typeof parts[0] === 'object') return parts[0];
  if (parts.every((p) => typeof p === 'string')) return text;
  return { parts };
}

/** Undefined for text that only looks sealed (someone typed the markers). */
function decoded(json: string): Problem | undefined {
  let raw: { key: BotMessageKey; count?: number; values?: Record<string, string | number> };
  try {
    raw = JSON.parse(json) as typeof raw;
  } catch {
    return undefined;
  }
  const values: Record<string, ProblemValue> = {};
  for (const [name, value] of Object.entries(raw.values ?? {})) values[name] = typeof value === 'string' ? valueOf(value) : value;
  return { key: raw.key, ...(raw.count !== undefined ? { count: raw.count } : {}), ...(raw.values ? { values } : {}) };
}

/** A problem in the reader's language. */
export function wordProblem(problem: Problem, t: BotTranslator): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.values ?? {})) values[name] = wordValue(value, t);
  return problem.count !== undefined ? t.plural(problem.key, problem.count, values) : t.t(problem.key, values);
}

/** A form's problems in the reader's language, field by field. */
export function wordProblems<F extends string>(problems: Problems<F>, t: BotTranslator): Partial<Record<F, string>> {
  const words: Partial<Record<F, string>> = {};
  for (const [field, problem] of Object.entries(problems) as Array<[F, Problem | undefined]>) {
    if (problem) Object.defineProperty(words, field, { value: wordProblem(problem, t), enumerable: true, writable: true });
  }
  return words;
}

function wordValue(value: ProblemValue, t: BotTranslator): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('parts' in value) return value.parts.map((p) => (typeof p === 'string' ? p : wordProblem(p, t))).join('');
  return wordProblem(value, t);
}
