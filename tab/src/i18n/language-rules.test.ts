import { describe, expect, it } from 'vitest';
import { digitProblems, directionProblems, pluralProblems } from '../../../bot/contract/i18n/catalog-checks.js';
import { glossaryProblems } from '../../../bot/contract/i18n/glossary.js';
import { ar } from './messages/ar.js';
import { en } from './messages/en.js';
import { enAdmin } from './messages/en-admin.js';
import { enPeriod } from './messages/en-period.js';
import { enTeam } from './messages/en-team.js';
import { es } from './messages/es.js';

const english: Record<string, string> = { ...en, ...enTeam, ...enPeriod, ...enAdmin };
const sourceOf = (key: string) => english[key] ?? english[key.replace(/\.(zero|one|two|few|many|other)$/, '.other')];

/** Where a translation names a term otherwise than the glossary, and why that is right there. */
const GLOSSARY_EXCEPTIONS: Record<string, readonly string[]> = {
  // The command typed to the bot: its parser understands the English words in every language.
  'log.checkInCommand': ['check-in'],
};

describe('the tab’s catalogs keep the language rules (docs/glossary.md)', () => {
  it.each([
    ['en', english],
    ['es', es as Record<string, string>],
    ['ar', ar as Record<string, string>],
  ] as const)('%s: every counted message has each plural form the language needs', (language, catalog) => {
    expect(pluralProblems(english, catalog, language)).toEqual([]);
  });

  it.each([
    ['en', english],
    ['es', es as Record<string, string>],
    ['ar', ar as Record<string, string>],
  ] as const)('%s: no message writes a number in; limits, ratings and times are placeholders', (_language, catalog) => {
    expect(digitProblems(catalog)).toEqual([]);
  });

  it.each([
    ['es', es as Record<string, string>],
    ['ar', ar as Record<string, string>],
  ] as const)('%s: every term is translated as the glossary says', (language, catalog) => {
    expect(glossaryProblems(sourceOf, catalog, language, GLOSSARY_EXCEPTIONS)).toEqual([]);
  });

  it('ar: Latin text is marked so it keeps its direction', () => {
    expect(directionProblems(ar)).toEqual([]);
  });
});
