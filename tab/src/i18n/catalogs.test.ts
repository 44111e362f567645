import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../../bot/contract/i18n/translate.js';
import { ar } from './messages/ar.js';
import { en } from './messages/en.js';
import { enAdmin } from './messages/en-admin.js';
import { enPeriod } from './messages/en-period.js';
import { enTeam } from './messages/en-team.js';
import { es } from './messages/es.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));
/** Messages a language keeps in English on purpose, with the reason; none so far. */
const UNTRANSLATED: Record<'es' | 'ar', readonly string[]> = { es: [], ar: [] };
const PLURAL_FORMS = /\.(zero|one|two|few|many|other)$/;

/** Where the learning report's English may be asked for: its own parts, under AdminMessages (the personal page's way in excepted). */
const ADMIN_ONLY = [/^admin\/(?!ReportLink\.tsx$)/];
/** Where the period picker's English may be asked for: the team pages and the report both bring it. */
const LEAD_PAGES = [/^dashboard\/PeriodPicker\.tsx$/];

/** Where the team pages' English may be asked for: parts that only those pages render, under TeamMessages. */
const TEAM_ONLY = [
  /^dashboard\//,
  /^follow-ups\//,
  /^follow-through\/(AwaitingActions|lazy-awaiting-actions)\.tsx$/,
  /^members\//,
  /^pages\/TeamPage\.tsx$/,
  /^recommendations\/RecommendDialog\.tsx$/,
  /^shares\/(SharesFeed|ShareCard|VoteButtons|TopResources|share-format|use-share-vote)\.tsx?$/,
  /^api\/share-types\.ts$/,
  /^recommendations\/(TeamRecommendations|RecommendButton|recommendation-format|recommendation-form)\.tsx?$/,
  /^coaching\/(CoachDialog|CoachButton|coaching-format)\.tsx?$/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return item.name === 'messages' ? [] : sources(full);
    return /\.tsx?$/.test(item.name) && !/\.test\.tsx?$/.test(item.name) ? [full] : [];
  });
}

const files = sources(SRC).map((file) => ({ path: path.relative(SRC, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));
const code = files.map((file) => file.text);
const called = (fn: string) =>
  new Set(code.flatMap((text) => [...text.matchAll(new RegExp(`\\b${fn}\\(\\s*'([^']+)'`, 'g'))].map((m) => m[1]!)));
const english: Record<string, string> = { ...en, ...enTeam, ...enPeriod, ...enAdmin };

describe('message catalogs', () => {
  it('has an English message for every key the tab asks for', () => {
    const keys = called('t');
    expect(keys.size).toBeGreaterThan(10);
    expect([...keys].filter((key) => english[key] === undefined)).toEqual([]);
  });

  it('has at least the "other" form of every plural the tab asks for', () => {
    expect([...called('plural')].filter((key) => english[`${key}.other`] === undefined)).toEqual([]);
  });

  it.each([
    ['team pages’', enTeam, TEAM_ONLY],
    ['learning report’s', enAdmin, ADMIN_ONLY],
    ['period picker’s', enPeriod, LEAD_PAGES],
  ] as const)('keeps the %s English apart from the others, and asks for it only where it is brought', (_name, page, allowedIn) => {
    const others = [en, enTeam, enPeriod, enAdmin].filter((catalog) => catalog !== page);
    expect(Object.keys(page).filter((key) => others.some((catalog) => key in catalog))).toEqual([]);
    const outside = Object.keys(page).flatMap((key) => {
      const base = key.replace(PLURAL_FORMS, '');
      return files
        .filter((f) => (f.text.includes(`'${key}'`) || f.text.includes(`'${base}'`)) && !allowedIn.some((allowed) => allowed.test(f.path)))
        .map((f) => `${key} in ${f.path}`);
    });
    expect(outside).toEqual([]);
  });

  it('carries no English message that no code mentions', () => {
    const mentioned = (key: string) =>
      code.some((text) => text.includes(`'${key}'`) || text.includes(`'${key.replace(PLURAL_FORMS, '')}'`));
    expect(Object.keys(english).filter((key) => !mentioned(key))).toEqual([]);
  });

  it.each([
    ['es', es],
    ['ar', ar],
  ] as const)('%s translates every English message with the same placeholders, and nothing else', (language, catalog) => {
    const translated = catalog as Record<string, string>;
    const missing = Object.keys(english).filter((key) => translated[key] === undefined && !UNTRANSLATED[language].includes(key));
    expect(missing).toEqual([]);
    const extra = Object.keys(catalog).filter(
      (key) => english[key] === undefined && english[key.replace(PLURAL_FORMS, '.other')] === undefined,
    );
    expect(extra).toEqual([]);
    const otherPlaceholders = Object.entries(translated).filter(([key, message]) => {
      const source = english[key] ?? english[key.replace(PLURAL_FORMS, '.other')] ?? '';
      // A language whose "one" form names no number ("una entrada") may leave out {count}.
      const wanted = placeholdersOf(source).filter((name) => !(PLURAL_FORMS.test(key) && name === 'count'));
      return (
        wanted.some((name) => !placeholdersOf(message).includes(name)) ||
        placeholdersOf(message).some((name) => !placeholdersOf(source).includes(name))
      );
    });
    expect(otherPlaceholders).toEqual([]);
  });
});
