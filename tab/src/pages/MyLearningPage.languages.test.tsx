// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { entry } from '../testing/entry-fixtures.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { GOALS_ROUTE } from '../testing/goal-fixtures.js';
import { buttonNamed, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { MyLearningPage } from './MyLearningPage.js';

afterEach(unmountRendered);

function service() {
  return fakeApiClient({
    'GET /api/v1/me/entries': [
      {
        entries: [entry({ id: 'e1', what: 'Feature flags', sourceType: 'book', minutes: 95, rating: 4, insight: 'Ship dark' })],
        nextCursor: null,
      },
    ],
    'GET /api/v1/me/summary': {
      streak: 3,
      minutesThisMonth: 95,
      entriesThisMonth: 1200,
      month: '2026-11',
      followThrough: { actions: 4, results: 2, dropped: 0, awaiting: 2, due: 3, followThrough: 2 / 3, medianDaysToResult: 5 },
      followThroughWeeks: 52,
    },
    'GET /api/v1/me/settings': { paused: false, pausedAt: null, timeZone: null },
    'GET /api/v1/me/saved': { saved: [] },
    [GOALS_ROUTE]: { goals: [] },
    'GET /api/v1/me/recommendations': { recommendations: [] },
    'GET /api/v1/me/coaching': { notes: [] },
    'GET /api/v1/me/audience': { teams: [] },
  });
}

/** As the app renders it: the page's formatting locale and the provider's language are the same tag. */
async function renderIn(locale: string) {
  const page = await renderInFluent(<MyLearningPage client={service().client} locale={locale} pollMs={60_000} />, { locale });
  await settle();
  return page;
}

const text = (page: HTMLElement, testId: string) => page.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';

describe('My learning in other languages', () => {
  it('reads in Spanish, with Spanish dates, numbers and durations', async () => {
    const page = await renderIn('es-ES');
    expect(page.querySelector('h1')?.textContent).toBe('Mi aprendizaje');
    const summary = text(page, 'my-summary');
    for (const words of ['Este mes: noviembre de 2026', '3 check-ins seguidos', '1 h 35 min', '1200 entradas'])
      expect(summary).toContain(words);
    const card = text(page, 'entry');
    for (const words of ['Libro', 'Utilidad: 4/5', 'Idea clave', 'Tus responsables', '20 nov 2026']) expect(card).toContain(words);
    expect(page.textContent).toContain('1 entrada, la más reciente primero');
    expect(buttonNamed('Editar «Feature flags»')).toBeDefined();
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('reads in Arabic, right to left, with Arabic digits where the locale uses them', async () => {
    const page = await renderIn('ar-EG');
    expect(page.querySelector('h1')?.textContent).toBe('تعلّمي');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar-EG', 'rtl']);
    expect(page.querySelector('.fui-FluentProvider')?.getAttribute('dir')).toBe('rtl');
    const summary = text(page, 'my-summary');
    expect(summary).toContain('نوفمبر');
    expect(summary).toContain('١٬٢٠٠ إدخال');
    expect(text(page, 'entry')).toContain('كتاب');
    expect(page.textContent).toContain('سجلّ تعلّمك');
    expect(page.textContent).not.toContain('Your learning log');
  });

  it('falls back to English for a language it does not ship', async () => {
    const page = await renderIn('fr-FR');
    expect(page.querySelector('h1')?.textContent).toBe('My learning');
    expect(document.documentElement.dir).toBe('ltr');
  });
});
