import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_LD_ADMIN, DEMO_PEOPLE } from '../../bot/demo/demo-team.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';

const alex = DEMO_PEOPLE[0]!;
const megan = DEMO_PEOPLE[1]!;

/** How the document is marked: the language and the direction the browser lays it out in. */
const documentLanguage = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** Everything on the personal page has loaded: the log, the month's summary and the settings. */
async function personalPageLoaded(page: Page, streak: string, pause: string): Promise<void> {
  await page.getByTestId('entry').first().waitFor();
  await page.getByTestId('my-summary').getByText(streak, { exact: true }).waitFor();
  await page.getByRole('switch', { name: pause }).waitFor();
}

describe('the tab in Arabic, right to left (local mode, demo data)', () => {
  const tab = useDemoTab();

  it('lays My learning out right to left, in Arabic', async () => {
    const page = await tab.open('/personal', megan.userId, '&locale=ar');
    await page.getByRole('heading', { level: 1, name: 'تعلّمي' }).waitFor();
    await personalPageLoaded(page, 'السلسلة', 'إيقاف المراجعات الدورية مؤقتًا');
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.title()).toBe('تعلّمي – Learning Loop\u200f');
    await page.getByRole('heading', { level: 2, name: 'سجلّ تعلّمك' }).waitFor();
    // Laid out from the right: the page's heading starts nearer the right edge than the left.
    const box = await page.getByRole('heading', { level: 1 }).boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    expect(box && width - (box.x + box.width)).toBeLessThan(box?.x ?? 0);
    await page.close();
  });

  it.each(['light', 'dark'])('has no accessibility violations on My learning in the %s theme', async (theme) => {
    const page = await tab.open('/personal', megan.userId, `&locale=ar&theme=${theme}`);
    await personalPageLoaded(page, 'السلسلة', 'إيقاف المراجعات الدورية مؤقتًا');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows a lead the team dashboard in Arabic, right to left', async () => {
    const page = await tab.openTeam(alex.userId, '&locale=ar');
    await page.getByRole('heading', { level: 1, name: 'لوحة معلومات الفريق' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'المتابعات', exact: true }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.close();
  });

  it.each(['light', 'dark'])('has no accessibility violations on the team dashboard in the %s theme', async (theme) => {
    const page = await tab.openTeam(alex.userId, `&locale=ar&theme=${theme}`);
    await page.locator('[data-testid="chart-participation"] svg rect').first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'المتابعات', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'])(
    'shows the L&D admin the learning report in Arabic, right to left, with no accessibility violations in the %s theme',
    async (theme) => {
      const page = await tab.open('/admin', DEMO_LD_ADMIN.userId, `&locale=ar&theme=${theme}`);
      await page.getByRole('heading', { level: 1, name: 'تقرير التعلّم' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'ثلاثة مستويات للمساءلة' }).waitFor();
      await page.getByTestId('report-teams').waitFor();
      await page.getByTestId('report-chart').locator('svg').first().waitFor();
      await page.getByTestId('lrs-status').waitFor();
      await page.getByRole('heading', { level: 2, name: 'سجل التدقيق' }).waitFor();
      await page.getByTestId('audit-section').waitFor();
      expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      // The figures are Arabic too: the team table's column headings and no English left on the page.
      expect(await page.getByTestId('report-teams').locator('thead th').first().textContent()).toBe('الفريق');
      expect(await page.getByTestId('report-levels').textContent()).not.toMatch(/Entries|Response rate/);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('reads My learning in Spanish, left to right, for ?locale=es', async () => {
    const page = await tab.open('/personal', megan.userId, '&locale=es-MX&theme=dark');
    await page.getByRole('heading', { level: 1, name: 'Mi aprendizaje' }).waitFor();
    await personalPageLoaded(page, 'Racha', 'Pausar mis check-ins');
    expect(await documentLanguage(page)).toEqual({ lang: 'es-MX', dir: 'ltr' });
    await page.getByRole('heading', { level: 2, name: 'Tu registro de aprendizaje' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
