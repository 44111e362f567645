import { describe, expect, it } from 'vitest';
import { digitProblems, directionProblems, pluralProblems } from '../../bot/contract/i18n/catalog-checks.js';
import { glossaryProblems } from '../../bot/contract/i18n/glossary.js';

/**
 * The language rules (docs/glossary.md) as tests, for one set of catalogs — the bot's or the tab's:
 * plural forms, no digit written in, the glossary's words, Arabic's direction marks.
 * `exceptions` are the keys where a translation names a term otherwise, with the forms allowed.
 */
export function describeLanguageRules(
  name: string,
  english: Record<string, string>,
  translated: { es: Record<string, string>; ar: Record<string, string> },
  exceptions: Readonly<Record<string, readonly string[]>> = {},
): void {
  const sourceOf = (key: string) => english[key] ?? english[key.replace(/\.(zero|one|two|few|many|other)$/, '.other')];
  const all = [
    ['en', english],
    ['es', translated.es],
    ['ar', translated.ar],
  ] as const;

  describe(`${name} keep the language rules (docs/glossary.md)`, () => {
    it.each(all)('%s: every counted message has each plural form the language needs', (language, catalog) => {
      expect(pluralProblems(english, catalog, language)).toEqual([]);
    });

    it.each(all)('%s: no message writes a number in; limits, ratings and times are placeholders', (_language, catalog) => {
      expect(digitProblems(catalog)).toEqual([]);
    });

    it.each([
      ['es', translated.es],
      ['ar', translated.ar],
    ] as const)('%s: every term is translated as the glossary says', (language, catalog) => {
      expect(glossaryProblems(sourceOf, catalog, language, exceptions)).toEqual([]);
    });

    it('ar: Latin text is marked so it keeps its direction', () => {
      expect(directionProblems(translated.ar)).toEqual([]);
    });
  });
}
