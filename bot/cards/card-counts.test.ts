import { describe, expect, it } from 'vitest';
import { countedBases } from '../contract/i18n/catalog-checks.js';
import { botTranslator } from '../i18n/bot-messages.js';
import { en } from '../i18n/messages/en.js';
import type { Share } from '../domain/share.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { sampleShare } from '../testing/sample-share.js';
import { digestCard } from './digest-card.js';
import { myDataExportCard } from './my-data-cards.js';
import { shareCard } from './share-card.js';
import { shareHelpedCard } from './share-helped-card.js';

/** The counts whose forms differ somewhere: one, two, a few, eleven and twelve (Arabic's "many"), a hundred. */
const COUNTS = [1, 2, 3, 11, 12, 100] as const;
type Count = (typeof COUNTS)[number];

const share = (n: number): Share =>
  sampleShare({ insight: null, action: null, tally: { helpful: n, saves: n, ratingSum: 4 * n, ratingCount: n } });

const digest = (n: number) => ({
  teamId: '19:team@thread.tacv2',
  teamName: 'Alpha',
  week: '2026-W48',
  participation: { members: n, answered: n, checkIns: n, entries: n, minutes: 60 },
  highlights: [{ what: 'UX 101', sharerName: 'Megan Bowen', helpful: n }],
  followUps: [{ userId: 'u2', displayName: 'Isaiah Langer', reason: '', why: { kind: 'quiet' as const, weeks: n } }],
  moreFollowUps: 0,
  followThrough: {
    figures: { actions: n, results: n, dropped: 0, awaiting: 0, due: n, followThrough: 1, medianDaysToResult: n },
    weeks: n,
  },
  leadFollowUps: null,
});

const rendered = (card: Parameters<typeof expectValidTeamsCard>[0]) => expectValidTeamsCard(card).renderedText;

function cardsFor(tag: string, n: number): string {
  const t = botTranslator(tag);
  const counts = { entries: n, checkIns: n, goals: n, shares: n, marks: n, saved: n, nudges: n, coaching: n, recommendations: n };
  return [
    rendered(shareCard({ share: share(n), mine: { helpful: false, saved: false, rating: null } }, t)),
    rendered(shareHelpedCard({ what: 'UX 101', helpful: n, teamName: 'Alpha' }, t)),
    rendered(myDataExportCard({ counts, url: 'https://example.com/personal' }, t)),
    rendered(digestCard(digest(n), t, { dashboardUrl: 'https://example.com/team' })),
  ].join('\n');
}

describe.each<[string, Record<Count, readonly string[]>]>([
  [
    'es-ES',
    {
      1: ['A 1 persona le ha resultado útil', '1 entrada de aprendizaje', '1 aviso', 'Sin check-in desde hace 1 semana', 'por 1 persona'],
      2: ['A 2 personas les ha resultado útil', '2 entradas de aprendizaje', '2 avisos', 'Sin check-in desde hace 2 semanas'],
      3: ['A 3 personas les ha resultado útil', '3 notas de orientación', 'por 3 personas'],
      11: ['A 11 personas les ha resultado útil', '11 aprendizajes compartidos', 'Sin check-in desde hace 11 semanas'],
      12: ['A 12 personas de Alpha les ha resultado útil', '12 objetivos'],
      100: ['A 100 personas les ha resultado útil', '100 entradas de aprendizaje', '100 recomendaciones', 'por 100 personas'],
    },
  ],
  [
    'ar-SA',
    {
      1: ['وجده شخص واحد مفيدًا', 'إدخال تعلّم واحد', 'تنبيه واحد', 'لا مراجعة منذ أسبوع', 'قيّمه شخص واحد'],
      2: ['وجده شخصان مفيدًا', 'إدخالا تعلّم', 'تنبيهان', 'لا مراجعة منذ أسبوعين', 'قيّمه شخصان'],
      3: ['وجده ٣ أشخاص مفيدًا', '٣ إدخالات تعلّم', '٣ ملاحظات توجيه', 'لا مراجعة منذ ٣ أسابيع'],
      11: ['وجده ١١ شخصًا مفيدًا', '١١ منشورًا', 'لا مراجعة منذ ١١ أسبوعًا', 'وجد ١١ شخصًا في Alpha'],
      12: ['وجده ١٢ شخصًا مفيدًا', '١٢ هدفًا', '١٢ تنبيهًا', 'قيّمه ١٢ شخصًا'],
      100: ['وجده ١٠٠ شخص مفيدًا', '١٠٠ إدخال تعلّم', '١٠٠ منشور', 'لا مراجعة منذ ١٠٠ أسبوع', 'قيّمه ١٠٠ شخص'],
    },
  ],
])('counts on cards in %s', (tag, expected) => {
  it.each(COUNTS)('reads right for %i', (n) => {
    const text = cardsFor(tag, n);
    for (const phrase of expected[n]) expect(text, `${n}: ${phrase}`).toContain(phrase);
  });
});

describe('every counted message of the bot, at 1, 2, 3, 11, 12 and 100', () => {
  const bases = [...countedBases(en)];

  it.each(['es-ES', 'ar-SA'])('in %s fills in the count and every placeholder', (tag) => {
    const t = botTranslator(tag);
    const english = botTranslator('en');
    const values = {
      team: 'Alpha',
      what: 'UX',
      name: 'Megan',
      duration: '1 h',
      average: 4,
      max: 5,
      min: 1,
      label: 'X',
      link: 'L',
      action: 'A',
    };
    const problems = bases.flatMap((base) =>
      COUNTS.flatMap((n) => {
        const said = t.plural(base, n, values);
        const shown = new Intl.NumberFormat(t.formatting).format(n);
        // Where English names the count, so does the translation; Arabic may say one and two in words ("شخص واحد", "شخصان").
        const named = english.plural(base, n, values).includes(String(n));
        const countShown = !named || said.includes(shown) || (t.locale === 'ar' && n <= 2);
        return said.includes('{') || !countShown ? [`${base} ${n}: ${said}`] : [];
      }),
    );
    expect(bases.length).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  it('in Arabic takes the genitive singular from 100 and the accusative from 11 to 99', () => {
    const t = botTranslator('ar-SA');
    expect(t.plural('myData.count.goals', 100)).toBe('١٠٠ هدف');
    expect(t.plural('myData.count.goals', 99)).toBe('٩٩ هدفًا');
    expect(t.plural('myData.count.goals', 103)).toBe('١٠٣ أهداف');
    expect(t.plural('myData.count.goals', 0)).toBe('لا أهداف');
  });
});
