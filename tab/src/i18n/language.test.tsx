// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { LocalModeBanner } from '../components/LocalModeBanner.js';
import { ConfigurePage } from '../pages/ConfigurePage.js';
import { renderInFluent, unmountRendered } from '../testing/render-page.js';

afterEach(unmountRendered);

const people = [{ tenantId: 't1', userId: 'ada', displayName: 'Ada Lovelace' }];

describe('the tab in the user’s language', () => {
  it('reads in English, left to right, when nothing else is asked for', async () => {
    const page = await renderInFluent(<ConfigurePage inTeams={false} />);
    expect(page.querySelector('h1')?.textContent).toBe('Add Learning Loop to this team');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['en', 'ltr']);
  });

  it('reads in Spanish for a Spanish locale, keeping its region for formats', async () => {
    const page = await renderInFluent(
      <LocalModeBanner reason={{ kind: 'outside-teams' }} identities={people} current={people[0]} onChoose={() => undefined} />,
      { locale: 'es-MX' },
    );
    expect(page.textContent).toContain('Modo local');
    expect(page.textContent).toContain('No se está ejecutando dentro de Microsoft Teams.');
    expect(page.querySelector('label')?.textContent).toBe('Identidad de demostración');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['es-MX', 'ltr']);
  });

  it('reads in Arabic, right to left, for an Arabic locale', async () => {
    const page = await renderInFluent(<ConfigurePage inTeams />, { locale: 'ar-SA' });
    expect(page.querySelector('h1')?.textContent).toBe('إضافة Learning Loop\u200f إلى هذا الفريق');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar-SA', 'rtl']);
    expect(page.querySelector('[dir]')?.getAttribute('dir')).toBe('rtl');
  });

  it('marks the page plain "ar" for Arabic with no region, though its numbers take Arabic-Indic digits', async () => {
    await renderInFluent(<ConfigurePage inTeams />, { locale: 'ar' });
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
  });
});

describe('counting in Arabic', () => {
  it('uses the dual, the few and the many forms Arabic has', async () => {
    const { translator } = await import('../../../bot/contract/i18n/translate.js');
    const { catalogsFor } = await import('./catalog.js');
    const { ar } = await import('./messages/ar.js');
    const { plural } = translator(catalogsFor('ar', ar), 'ar-EG');
    expect(plural('summary.entryCount', 1)).toBe('إدخال واحد');
    expect(plural('summary.entryCount', 2)).toBe('إدخالان');
    expect(plural('summary.entryCount', 3)).toBe('٣ إدخالات');
    expect(plural('summary.entryCount', 11)).toBe('١١ إدخالًا');
    expect(plural('summary.entryCount', 100)).toBe('١٠٠ إدخال');
  });
});
