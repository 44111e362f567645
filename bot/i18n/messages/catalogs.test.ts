import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../contract/i18n/translate.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';

const botRoot = path.resolve(import.meta.dirname, '../..');
const english: Record<string, string> = en;
/** Deliberately identical in Spanish and English; every other message differs. */
const SAME_IN_SPANISH = ['checkInSaved.usefulValue', 'digest.checkIns', 'digest.followUp'];
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const pluralBases = new Set(
  Object.keys(english)
    .filter((k) => k.endsWith('.other'))
    .map((k) => k.slice(0, -'.other'.length)),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !full.includes(`${path.sep}messages${path.sep}`) ? [full] : [];
  });
}

/** The first argument of every `t(…)` and `plural(…)` call in a source text. */
function firstArguments(source: string, fn: 't' | 'plural'): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(new RegExp(`\\b${fn}\\(`, 'g'))) {
    let depth = 0;
    let end = m.index + m[0].length;
    for (; end < source.length; end++) {
      const ch = source[end]!;
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) {
        if (depth === 0) break;
        depth--;
      } else if (ch === ',' && depth === 0) break;
    }
    found.push(source.slice(m.index + m[0].length, end));
  }
  return found;
}

/** Keys a call names: quoted ones whole, template ones as the prefix before their first `${`. */
function keysIn(argument: string): { whole: string[]; prefixes: string[] } {
  return {
    // A key has a group and a name ("checkIn.title"); other quoted words are conditions ('share').
    whole: [...argument.matchAll(/'([A-Za-z][\w-]*\.[\w.-]+)'/g)].map((m) => m[1]!),
    prefixes: [...argument.matchAll(/`([A-Za-z][\w.-]*)\$\{/g)].map((m) => m[1]!),
  };
}

const used = (() => {
  const keys = { t: new Set<string>(), plural: new Set<string>(), prefixes: new Set<string>() };
  for (const file of sourceFiles(botRoot)) {
    const source = readFileSync(file, 'utf8');
    for (const fn of ['t', 'plural'] as const) {
      for (const argument of firstArguments(source, fn)) {
        const { whole, prefixes } = keysIn(argument);
        whole.forEach((k) => keys[fn].add(k));
        prefixes.forEach((p) => keys.prefixes.add(p));
      }
    }
  }
  return keys;
})();

describe('the bot’s message catalogs', () => {
  it('finds the keys the code uses (the scan itself works)', () => {
    expect(used.t.size).toBeGreaterThan(150);
    expect([...used.plural]).toEqual(expect.arrayContaining(['common.fix', 'share.helpful', 'digest.loggedValue']));
    expect([...used.prefixes]).toEqual(expect.arrayContaining(['sourceType.', 'goalState.', 'myData.count.']));
  });

  it('has every key the code uses in English, plural ones with their one and other forms', () => {
    expect([...used.t].filter((k) => !(k in english))).toEqual([]);
    expect([...used.plural].filter((k) => !(`${k}.one` in english && `${k}.other` in english))).toEqual([]);
    expect([...used.prefixes].filter((p) => !Object.keys(english).some((k) => k.startsWith(p)))).toEqual([]);
  });

  it('uses every English message somewhere, so none is left to drift', () => {
    const reached = (key: string) =>
      used.t.has(key) ||
      [...used.plural].some((base) => PLURAL_FORMS.some((f) => key === `${base}.${f}`)) ||
      [...used.prefixes].some((p) => key.startsWith(p)) ||
      // Keys held in typed tables (help's commands, dialog titles, share problems) are checked by the compiler.
      sourceFiles(botRoot).some((file) => readFileSync(file, 'utf8').includes(`'${key}'`));
    expect(Object.keys(english).filter((k) => !reached(k))).toEqual([]);
  });

  describe.each([
    ['Spanish', es as Record<string, string>],
    ['Arabic', ar as Record<string, string>],
  ])('%s', (_language, catalog) => {
    it('translates every English message (nothing is left to the English fallback)', () => {
      const missing = Object.keys(english).filter((k) => {
        if (k in catalog) return false;
        // A plural form English has is covered when the language has its own "other" form.
        const base = k.replace(/\.(one|other)$/, '');
        return !(
          pluralBases.has(base) &&
          `${base}.other` in catalog &&
          k.endsWith('.one') &&
          PLURAL_FORMS.some((f) => `${base}.${f}` in catalog)
        );
      });
      expect(missing).toEqual([]);
    });

    it('names no message English does not have, beyond the plural forms the language needs', () => {
      const extra = Object.keys(catalog).filter((k) => {
        if (k in english) return false;
        const m = /^(.*)\.(zero|two|few|many)$/.exec(k);
        return !(m && pluralBases.has(m[1]!));
      });
      expect(extra).toEqual([]);
    });

    it('fills the same placeholders as English (a plural form may spell out its count)', () => {
      const wrong = Object.entries(catalog).flatMap(([key, message]) => {
        const base = /^(.*)\.(zero|one|two|few|many|other)$/.exec(key);
        const source = english[key] ?? (base ? english[`${base[1]}.other`] : undefined) ?? '';
        const expected = placeholdersOf(source);
        const actual = placeholdersOf(message);
        const countMayGo = base && pluralBases.has(base[1]!) && ['zero', 'one', 'two'].includes(base[2]!);
        const same =
          JSON.stringify(actual) ===
          JSON.stringify(countMayGo ? expected.filter((p) => p !== 'count' || actual.includes('count')) : expected);
        return same ? [] : [`${key}: ${actual.join(',')} ≠ ${expected.join(',')}`];
      });
      expect(wrong).toEqual([]);
    });

    it('keeps the product names as they are', () => {
      for (const [key, message] of Object.entries(english)) {
        if (message.includes('Learning Loop') && key in catalog) expect(catalog[key], key).toContain('Learning Loop');
      }
    });
  });

  it('reads the same as English only where Spanish says it the same way', () => {
    const same = Object.keys(english).filter((k) => (es as Record<string, string>)[k] === english[k]);
    // A score, "name: reason", and "check-in", the word Spanish-speaking Teams users use too.
    expect(same.sort()).toEqual(SAME_IN_SPANISH);
  });
});
