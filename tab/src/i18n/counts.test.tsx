// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../../bot/contract/i18n/translate.js';
import { ScheduleSummary } from '../dashboard/ScheduleSummary.js';
import { TeamExports } from '../dashboard/TeamExports.js';
import { ShareCard } from '../shares/ShareCard.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { renderInFluent, unmountRendered } from '../testing/render-page.js';
import { share } from '../testing/share-fixtures.js';
import { catalogsFor } from './catalog.js';
import { ar } from './messages/ar.js';
import { en } from './messages/en.js';
import { enAdmin } from './messages/en-admin.js';
import { enPeriod } from './messages/en-period.js';
import { enTeam } from './messages/en-team.js';
import { es } from './messages/es.js';

afterEach(unmountRendered);

/** The counts where a language changes its words: Arabic's one, two, few (3–10), many (11–99) and other (100…). */
const COUNTS = [1, 2, 3, 11, 12, 100] as const;
type Row = readonly [number, string];
const rows = (words: readonly string[]): Row[] => COUNTS.map((count, i) => [count, words[i]!] as const);

const SPANISH = 'es-ES';
const ARABIC = 'ar-SA';
const english = { ...en, ...enTeam, ...enPeriod, ...enAdmin };
const spanish = translator(catalogsFor(SPANISH, es, english), SPANISH);
const arabic = translator(catalogsFor(ARABIC, ar, english), ARABIC);

describe('counted messages in Spanish and Arabic', () => {
  it.each([
    [
      'period.weeks',
      ['1 semana', '2 semanas', '3 semanas', '11 semanas', '12 semanas', '100 semanas'],
      ['أسبوع واحد', 'أسبوعان', '٣ أسابيع', '١١ أسبوعًا', '١٢ أسبوعًا', '١٠٠ أسبوع'],
    ],
    [
      'members.count',
      ['1 miembro', '2 miembros', '3 miembros', '11 miembros', '12 miembros', '100 miembros'],
      ['عضو واحد', 'عضوان', '٣ أعضاء', '١١ عضوًا', '١٢ عضوًا', '١٠٠ عضو'],
    ],
    [
      'shares.count',
      [
        '1 aprendizaje compartido',
        '2 aprendizajes compartidos',
        '3 aprendizajes compartidos',
        '11 aprendizajes compartidos',
        '12 aprendizajes compartidos',
        '100 aprendizajes compartidos',
      ],
      ['منشور واحد', 'منشوران', '٣ منشورات', '١١ منشورًا', '١٢ منشورًا', '١٠٠ منشور'],
    ],
    [
      'nudge.count',
      [
        '1 aviso, el más reciente primero',
        '2 avisos, los más recientes primero',
        '3 avisos, los más recientes primero',
        '11 avisos, los más recientes primero',
        '12 avisos, los más recientes primero',
        '100 avisos, los más recientes primero',
      ],
      [
        'تنبيه واحد، الأحدث أولًا',
        'تنبيهان، الأحدث أولًا',
        '٣ تنبيهات، الأحدث أولًا',
        '١١ تنبيهًا، الأحدث أولًا',
        '١٢ تنبيهًا، الأحدث أولًا',
        '١٠٠ تنبيه، الأحدث أولًا',
      ],
    ],
    [
      'summary.entryCount',
      ['1 entrada', '2 entradas', '3 entradas', '11 entradas', '12 entradas', '100 entradas'],
      ['إدخال واحد', 'إدخالان', '٣ إدخالات', '١١ إدخالًا', '١٢ إدخالًا', '١٠٠ إدخال'],
    ],
    [
      'report.withinDays',
      ['En 1 día', 'En 2 días', 'En 3 días', 'En 11 días', 'En 12 días', 'En 100 días'],
      ['خلال يوم واحد', 'خلال يومين', 'خلال ٣ أيام', 'خلال ١١ يومًا', 'خلال ١٢ يومًا', 'خلال ١٠٠ يوم'],
    ],
  ] as const)('%s takes the form each count needs', (key, spanishWords, arabicWords) => {
    expect(COUNTS.map((n) => spanish.plural(key, n))).toEqual(spanishWords);
    expect(COUNTS.map((n) => arabic.plural(key, n))).toEqual(arabicWords);
  });
});

describe('counted parts of the tab in Spanish and Arabic', () => {
  const helpful = {
    [SPANISH]: rows([
      'A 1 persona le resultó útil',
      'A 2 personas les resultó útil',
      'A 3 personas les resultó útil',
      'A 11 personas les resultó útil',
      'A 12 personas les resultó útil',
      'A 100 personas les resultó útil',
    ]),
    [ARABIC]: rows([
      'وجده شخص واحد مفيدًا',
      'وجده شخصان مفيدًا',
      'وجده ٣ أشخاص مفيدًا',
      'وجده ١١ شخصًا مفيدًا',
      'وجده ١٢ شخصًا مفيدًا',
      'وجده ١٠٠ شخص مفيدًا',
    ]),
  };
  const ratings = {
    [SPANISH]: rows([
      '4,0 de 5 con 1 valoración',
      '4,0 de 5 con 2 valoraciones',
      '4,0 de 5 con 3 valoraciones',
      '4,0 de 5 con 11 valoraciones',
      '4,0 de 5 con 12 valoraciones',
      '4,0 de 5 con 100 valoraciones',
    ]),
    [ARABIC]: rows([
      '٤٫٠ من ٥ من تقييم واحد',
      '٤٫٠ من ٥ من تقييمين',
      '٤٫٠ من ٥ من ٣ تقييمات',
      '٤٫٠ من ٥ من ١١ تقييمًا',
      '٤٫٠ من ٥ من ١٢ تقييمًا',
      '٤٫٠ من ٥ من ١٠٠ تقييم',
    ]),
  };
  it.each([SPANISH, ARABIC] as const)('a share card in %s says how many found it helpful and rated it', async (locale) => {
    for (const [i, [count, words]] of helpful[locale].entries()) {
      const card = share(`Share ${count}`, { helpful: count, averageRating: 4, ratingCount: count });
      const page = await renderInFluent(<ShareCard share={card} locale={locale} vote={async () => card} announce={() => undefined} />, {
        locale,
      });
      expect(page.textContent).toContain(words);
      expect(page.textContent).toContain(ratings[locale][i]![1]);
      unmountRendered();
    }
  });

  const reminders = {
    [SPANISH]: rows([
      'tras 1 hora para',
      'tras 2 horas para',
      'tras 3 horas para',
      'tras 11 horas para',
      'tras 12 horas para',
      'tras 100 horas para',
    ]),
    [ARABIC]: rows(['بعد ساعة واحدة لمن', 'بعد ساعتين لمن', 'بعد ٣ ساعات لمن', 'بعد ١١ ساعةً لمن', 'بعد ١٢ ساعةً لمن', 'بعد ١٠٠ ساعة لمن']),
  };
  it.each([SPANISH, ARABIC] as const)(
    'the check-in schedule in %s counts the reminder’s hours, and writes the time for the reader',
    async (locale) => {
      for (const [hours, words] of reminders[locale]) {
        const schedule = {
          cadence: 'weekly',
          weekday: 5,
          localTime: '16:00',
          timeZone: 'Asia/Riyadh',
          reminderAfterHours: hours,
          anchorMonday: '2026-01-05',
        } as const;
        const page = await renderInFluent(<ScheduleSummary schedule={schedule} locale={locale} isLead />, { locale });
        expect(page.textContent).toContain(words);
        // The stored "16:00" as the reader's clock writes it, never as stored.
        expect(page.textContent).toContain(locale === ARABIC ? '٤:٠٠' : '16:00');
        unmountRendered();
      }
    },
  );

  const exports = {
    [SPANISH]: rows([
      'de la última semana',
      'de las últimas 2 semanas',
      'de las últimas 3 semanas',
      'de las últimas 11 semanas',
      'de las últimas 12 semanas',
      'de las últimas 100 semanas',
    ]),
    [ARABIC]: rows(['للأسبوع الأخير', 'لآخر أسبوعين', 'لآخر ٣ أسابيع', 'لآخر ١١ أسبوعًا', 'لآخر ١٢ أسبوعًا', 'لآخر ١٠٠ أسبوع']),
  };
  it.each([SPANISH, ARABIC] as const)('the team’s exports in %s name the weeks they cover', async (locale) => {
    for (const [weeks, words] of exports[locale]) {
      const page = await renderInFluent(
        <TeamExports client={fakeApiClient({}).client} teamId="t" teamName="Product Design" weeks={weeks} />,
        {
          locale,
        },
      );
      expect(page.textContent).toContain(words);
      unmountRendered();
    }
  });
});
