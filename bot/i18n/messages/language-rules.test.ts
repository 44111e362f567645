import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digitProblems, directionProblems, pluralProblems } from '../../contract/i18n/catalog-checks.js';
import { describeLanguageRules } from '../../../tests/support/language-rules.js';
import { glossaryProblems } from '../../contract/i18n/glossary.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';

const english: Record<string, string> = en;

describeLanguageRules('the bot’s catalogs', english, { es: es as Record<string, string>, ar: ar as Record<string, string> });

describe('the Teams manifest’s Spanish and Arabic keep the glossary', () => {
  const appPackage = path.resolve(import.meta.dirname, '../../../appPackage');
  const read = (file: string): Record<string, unknown> =>
    JSON.parse(readFileSync(path.join(appPackage, file), 'utf8')) as Record<string, unknown>;
  const manifest = read('manifest.json');
  /** A localization key ("bots[0].commandLists[1].commands[0].description") read from the English manifest. */
  const englishAt = (key: string): string | undefined => {
    let at: unknown = manifest;
    for (const part of key.match(/[^.[\]]+/g) ?? []) at = (at as Record<string, unknown> | undefined)?.[part];
    return typeof at === 'string' ? at : undefined;
  };

  it.each(['es', 'ar'] as const)('%s.json', (language) => {
    const { $schema: _schema, ...all } = read(`${language}.json`) as Record<string, string>;
    // The bot's command titles are what its parser understands: they stay in English.
    const translated = Object.fromEntries(Object.entries(all).filter(([key]) => !/^bots.*\.commands\[\d+\]\.title$/.test(key)));
    expect(Object.keys(translated).every((key) => englishAt(key) !== undefined)).toBe(true);
    expect(glossaryProblems(englishAt, translated, language)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('finds a missing Arabic form, an accusative count of 100 and a {count} that is not counted', () => {
    const source = { 'x.one': '{count} person', 'x.other': '{count} people', y: '{count} weeks' };
    expect(pluralProblems(source, source, 'en')).toEqual(['y: counts {count} but is not a counted message']);
    const arabic = { 'x.zero': 'لا أحد', 'x.one': 'شخص واحد', 'x.two': 'شخصان', 'x.few': '{count} أشخاص', 'x.other': '{count} شخصًا' };
    expect(pluralProblems(source, arabic, 'ar')).toEqual([
      'x: no “many” form',
      'x.other: the noun after {count} is accusative (right for 11–99, “many”; not for 100)',
    ]);
  });

  it('finds a digit written in, Latin or Arabic-Indic, but not in a placeholder or an allowed name', () => {
    expect(digitProblems({ a: 'At most 3 links', b: 'حتى ٣ روابط', c: 'At most {max} links', d: 'Your 1:1 list' })).toEqual([
      'a: writes the digit “3” (make it a placeholder)',
      'b: writes the digit “٣” (make it a placeholder)',
    ]);
  });

  it('finds a term translated otherwise, a forbidden word, and a word used outside its term', () => {
    const source = (key: string) => ({ a: 'Your lead', b: 'A nudge from {lead}', c: 'Your check-in' })[key];
    expect(glossaryProblems(source, { a: 'مديرك', b: 'تنبيه من {lead}', c: 'متابعتك' }, 'ar')).toEqual([
      'a: “lead” is not “قائد (قادة)”',
      'a: “lead” must not be “مدير”',
      'c: “check-in” is not “مراجعة (المراجعة الدورية)”',
      'c: “متابع” is “follow-up” only',
    ]);
  });

  it('finds a web address and a Latin name without their direction marks', () => {
    expect(
      directionProblems({
        a: 'يبدأ بـ https://',
        b: 'يبدأ بـ https://\u200E',
        c: 'لا يعرف Learning Loop {name}',
        d: 'Learning Loop \u200F{name}',
      }),
    ).toEqual(['a: no left-to-right mark (U+200E) after “://”', 'c: Latin text runs into what follows: add a right-to-left mark (U+200F)']);
  });
});
