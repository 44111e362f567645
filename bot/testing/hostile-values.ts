import fc from 'fast-check';
import { describeChanges, tableChanges, type TableSnapshot } from './table-snapshot.js';

/**
 * What attackers, broken clients and unusual names put into fields: markup and mention
 * injection, OData and key syntax, path traversal, control characters, bidi overrides,
 * zero-width joiners, emoji sequences and lone surrogates (which JSON carries as `\ud800`).
 */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '[x](javascript:alert(1))',
  '[Teams](https://evil.example/login)',
  '<at>Megan Bowen</at>',
  '<at id="0">everyone</at>',
  '**bold** _it_ ~~gone~~',
  '# Heading',
  '> quoted\n- item',
  '```\ncode\n```',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{user.name}}',
  '${process.env.SECRET}',
  "PartitionKey eq 'x' or true",
  "' or 1 eq 1 or '",
  "RowKey ge '' and PartitionKey ne ''",
  "'",
  '"',
  '|',
  '}',
  '{',
  '%00',
  '%2e%2e%2f',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '..',
  '/',
  '\\',
  '?',
  '#',
  '&',
  '=',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\nX-Injected: 1',
  '\t',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202eevil\u202c',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u2066isolate\u2069',
  'مرحبا بالعالم',
  'שלום',
  '👩🏽‍💻',
  '🏳️‍🌈',
  'Z̷̧͠a̶̛l̸g̵o̴',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'true',
  '[]',
  '{}',
  ' ',
  '',
];

/** Any single UTF-16 code unit, surrogate halves included: what `binary` strings leave out. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** `fragment` repeated to `length` code units. */
function repeated(fragment: string, length: number): string {
  const unit = fragment === '' ? 'A' : fragment;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** A long string, between `min` and `max` code units, made of one repeated fragment. */
export function longText(min: number, max: number): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom('A', ...HOSTILE_FRAGMENTS), fc.integer({ min, max })).map(([f, n]) => repeated(f, n));
}

/** Hostile text up to `maxLength` code units: known fragments, mixed with random ones, sometimes long. */
export function hostileText(maxLength = 2000): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
    { weight: 1, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  );
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
      { weight: 5, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join('')) },
      { weight: 1, arbitrary: longText(Math.min(200, maxLength), maxLength) },
    )
    .map((s) => s.slice(0, maxLength));
}

/** Property names that mean something to JavaScript, OData or our rows. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'PartitionKey',
    'RowKey',
    'Timestamp',
    'odata.etag',
    'tenantId',
    'userId',
    'teamId',
    '$filter',
    '',
    ' ',
  ),
  hostileText(40),
);

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

const numbers = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2),
);
const leaf: fc.Arbitrary<unknown> = fc.oneof(hostileText(200), numbers, fc.boolean(), fc.constant(null));

const byKind: Record<JsonKind, fc.Arbitrary<unknown>> = {
  string: hostileText(200),
  number: numbers,
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(leaf, { maxLength: 4 }),
  object: fc.dictionary(hostileKey, leaf, { maxKeys: 4 }).map((o) => ({ ...o })),
};

/** A JSON value of any kind but the ones named: a field's wrong types. */
export function notOfKind(...allowed: JsonKind[]): fc.Arbitrary<unknown> {
  return fc.oneof(...(Object.keys(byKind) as JsonKind[]).filter((k) => !allowed.includes(k)).map((k) => byKind[k]));
}

/** Any JSON value, hostile strings included, nested a little. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(fc.oneof(leaf, byKind.object), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileKey, fc.oneof(leaf, byKind.array), { maxKeys: 5 }) },
);

/** Marks a field left out of the object. */
export const ABSENT: unique symbol = Symbol('absent');

export interface FieldSpec {
  /** Values the field accepts; other fields' breakage makes the whole object invalid anyway. */
  valid: fc.Arbitrary<unknown>;
  /** Values the field certainly refuses, whatever the other fields hold. */
  invalid: fc.Arbitrary<unknown>;
  /** Leaving the field out is itself invalid. */
  required?: boolean;
}

/**
 * An object of `fields` that is invalid by construction: at least one field invalid (or missing
 * when required), or, when the schema is `strict`, a field it does not know. Every other field is
 * valid, absent, or any hostile value, so a check that stops at the first problem is exercised too.
 */
export function brokenObject(fields: Record<string, FieldSpec>, options: { strict: boolean }): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(fields);
  const breakers: fc.Arbitrary<[string, unknown]>[] = [
    ...names.map((n) => fields[n]!.invalid.map((v): [string, unknown] => [n, v])),
    ...names.filter((n) => fields[n]!.required).map((n) => fc.constant<[string, unknown]>([n, ABSENT])),
  ];
  if (options.strict) {
    breakers.push(
      fc
        .tuple(
          hostileKey.filter((k) => !names.includes(k)),
          hostileJson,
        )
        .map(([k, v]): [string, unknown] => [k, v]),
    );
  }
  const others = fc.record(
    Object.fromEntries(
      names.map((n) => [
        n,
        fc.oneof(
          { weight: 3, arbitrary: fields[n]!.valid },
          { weight: 1, arbitrary: hostileJson },
          { weight: 1, arbitrary: fc.constant<unknown>(ABSENT) },
        ),
      ]),
    ),
  );
  return fc.tuple(fc.array(fc.oneof(...breakers), { minLength: 1, maxLength: 2 }), others).map(([broken, rest]) => {
    // Own properties only, `__proto__` included (assignment would set the prototype), as JSON.parse builds them.
    const merged = new Map<string, unknown>(Object.entries(rest));
    for (const [name, value] of broken) merged.set(name, value);
    return Object.fromEntries([...merged].filter(([, v]) => v !== ABSENT));
  });
}

/** What the strictest of our checks keeps of a text: no control characters, no surrounding space. */
export function cleaned(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
}

/** Text too long for `max` whichever check reads it (zod counts code points, so they are counted here). */
export function tooLong(max: number): fc.Arbitrary<string> {
  return longText(max + 1, 2 * max + 3000).filter((s) => [...cleaned(s)].length > max);
}

/** Text with nothing left once control characters and surrounding space go. */
export const blank: fc.Arbitrary<string> = fc.constantFrom('', ' ', '\t\n', '\u0000\u0007', '\r\n  \u001f');

/** Whether a value reads as a whole number in [min, max], as loosely as any of our checks reads one. */
export function isWholeIn(min: number, max: number, value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  return Number.isInteger(n) && n >= min && n <= max;
}

/** Values no check reads as a whole number in [min, max]; never blank, which optional fields accept. */
export function notWholeIn(min: number, max: number): fc.Arbitrary<unknown> {
  return fc
    .oneof(fc.constantFrom<unknown>(min - 1, max + 1, 2.5, -1, 1e9, 'lots', '2.5', String(max + 1), '١٢', 'NaN'), hostileText(200))
    .filter((v) => !isWholeIn(min, max, v) && !(typeof v === 'string' && v.trim() === ''));
}

/** Text no check accepts for a field that must be one of `allowed` (compared after trimming). */
export function notOneOf(allowed: readonly string[]): fc.Arbitrary<string> {
  return hostileText(300).filter((s) => !allowed.includes(s.trim()));
}

/**
 * Percent-encodes every code point outside the unreserved set. A lone surrogate becomes the
 * three bytes it would take in WTF-8, which a server cannot decode as UTF-8: as a broken client
 * would send it.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/^[A-Za-z0-9\-._~]$/.test(ch)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** Runs `work` over `items` with at most `limit` at a time; answers in the items' order. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** A value cut down for a failure message: long strings shortened, control characters visible. */
export function preview(value: unknown, max = Number(process.env.HOSTILE_PREVIEW ?? 300)): string {
  let text: string;
  try {
    const cut = Math.max(80, max / 2);
    text =
      JSON.stringify(value, (_k, v: unknown) =>
        typeof v === 'string' && v.length > cut ? `${v.slice(0, cut - 20)}…(${v.length} chars)` : v,
      ) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export interface HostileRun<C, A> {
  /** Inputs invalid by construction: each must be refused and change nothing. */
  cases: fc.Arbitrary<C>;
  /** How many inputs to send in all, in batches of `batch` with up to `concurrency` in flight. */
  total: number;
  batch: number;
  concurrency: number;
  send(input: C): Promise<A>;
  /** Why an answer is not a clear refusal (a 5xx, an acceptance, no message); undefined if it is one. */
  problemWith(answer: A, input: C): string | undefined;
  snapshot(): Promise<TableSnapshot>;
  /** Rows an input may legitimately rewrite (a message refreshes its sender's conversation reference). */
  mayChange?(key: string): boolean;
}

/**
 * The property for one entry point: every batch of generated inputs is refused, and the tables
 * read the same after the batch as before it. Batches keep it fast (a snapshot per batch, the
 * batch sent concurrently); when a batch wrote something, its inputs are replayed one at a time
 * to name the one that did. Failures name the seed, so `HOSTILE_SEED=<seed>` repeats the run.
 * Answers how many inputs were sent.
 */
export async function expectRefusedWithoutWrites<C, A>(run: HostileRun<C, A>): Promise<number> {
  let sent = 0;
  const changesAround = async (inputs: readonly C[]) => {
    const before = await run.snapshot();
    const answers = await mapConcurrent(inputs, run.concurrency, (input) => run.send(input));
    sent += inputs.length;
    return { answers, changes: describeChanges(tableChanges(before, await run.snapshot()), run.mayChange) };
  };
  const property = fc.asyncProperty(fc.array(run.cases, { minLength: run.batch, maxLength: run.batch }), async (batch) => {
    const { answers, changes } = await changesAround(batch);
    const problems = answers.flatMap((answer, i) => {
      const problem = run.problemWith(answer, batch[i]!);
      return problem ? [`${problem} — for ${preview(batch[i])}`] : [];
    });
    if (problems.length > 0)
      throw new Error(`${problems.length} of ${batch.length} inputs were not clearly refused:\n- ${problems.slice(0, 5).join('\n- ')}`);
    if (changes.length === 0) return;
    for (const input of batch) {
      const alone = await changesAround([input]);
      if (alone.changes.length > 0)
        throw new Error(`A refused input wrote to the tables (${alone.changes.slice(0, 5).join(', ')}): ${preview(input)}`);
    }
    throw new Error(`A batch of refused inputs wrote to the tables: ${changes.slice(0, 10).join(', ')}`);
  });
  const seed = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : Date.now() ^ (Math.random() * 0x100000000);
  await fc.assert(property, {
    numRuns: Math.ceil(run.total / run.batch),
    seed,
    endOnFailure: true,
    // The counterexample is a whole batch with 100 KB strings: report the first problem instead.
    reporter: (details) => {
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`Hostile input property failed (HOSTILE_SEED=${details.seed}): ${cause}`);
    },
  });
  return sent;
}
