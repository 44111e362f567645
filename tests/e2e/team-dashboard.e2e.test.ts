import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { axeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';
import { launchChromium } from './support/chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const alex = DEMO_PEOPLE[0]!;
const megan = DEMO_PEOPLE[1]!;
const VIEWPORT = { width: 1280, height: 900 };

describe('the team dashboard in a browser (local mode, demo data)', () => {
  let service: RunningTestService;
  let browser: Browser;

  beforeAll(async () => {
    service = await startTestService({ tabDistDir: path.join(root, 'tab/dist') });
    await seedDemoData({ stores: service.stores, rollups: service.rollups, now: new Date() });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** Opens the dashboard as a demo person and waits until the figures and the charts are drawn. */
  async function openDashboard(userId: string, query = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${service.baseUrl}/team?user=${userId}${query}`);
    await page.getByRole('heading', { level: 1, name: 'Team dashboard' }).waitFor();
    await page.getByTestId('member-row').first().waitFor();
    await page.locator('[data-testid="chart-participation"] svg rect').first().waitFor();
    await page.locator('[data-testid="chart-minutes"] svg rect').first().waitFor();
    return page;
  }

  const memberNames = (page: Page) => page.getByTestId('member-name').allTextContents();
  const tile = (page: Page, label: string) =>
    page
      .getByTestId('summary-tile')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('dd')
      .textContent();

  // The dashboard itself: the shares feed below it has a picture of its own.
  const screenshot = (page: Page, name: string) => saveScreenshot(page, name, { upTo: page.getByTestId('shares-feed') });

  it('shows a lead the charts, the summary, all six members and the schedule form', async () => {
    const page = await openDashboard(alex.userId, `&team=${encodeURIComponent(DEMO_TEAM.id)}`);
    expect(await page.getByTestId('team-name').textContent()).toBe(DEMO_TEAM.name);
    // Nothing (a chart's tooltip layer, say) may lie over the page: what is drawn at the heading is the heading.
    const headingIsOnTop = await page.evaluate(() => {
      const heading = document.querySelector('h1');
      const box = heading?.getBoundingClientRect();
      return !!box && !!heading?.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
    });
    expect(headingIsOnTop).toBe(true);
    expect(await page.getByTestId('summary-tile').count()).toBe(8);
    expect(await tile(page, 'Members')).toBe('6');
    for (const chart of ['chart-participation', 'chart-minutes', 'chart-sources']) {
      expect(await page.getByTestId(chart).getAttribute('aria-describedby')).toBeTruthy();
    }
    expect((await memberNames(page)).sort()).toEqual(DEMO_PEOPLE.map((p) => p.displayName).sort());
    await page.getByTestId('schedule-form').waitFor();
    expect(await page.getByTestId('member-note').count()).toBe(0);
    await screenshot(page, 'team-dashboard-lead.png');
    await page.close();
  });

  it('shows a member the team’s figures but only their own row, and the schedule read-only', async () => {
    // No ?team=: the page finds Megan's one team itself.
    const page = await openDashboard(megan.userId);
    expect(await page.getByTestId('member-note').textContent()).toContain('Only team leads see everyone’s details');
    expect(await memberNames(page)).toEqual([megan.displayName]);
    expect(await tile(page, 'Members')).toBe('6');
    expect(await page.getByTestId('schedule-summary').textContent()).toContain('Every Friday');
    expect(await page.getByTestId('schedule-form').count()).toBe(0);
    expect(await page.getByTestId('team-exports').count()).toBe(0);
    await screenshot(page, 'team-dashboard-member.png');
    await page.close();
  });

  it.each(['light', 'dark', 'contrast'])('has no accessibility violations in the %s theme, charts and tables included', async (theme) => {
    const page = await openDashboard(alex.userId, `&theme=${theme}`);
    await page.getByTestId('schedule-form').waitFor();
    await page.getByTestId('export-entries').waitFor();
    for (const header of await page.getByTestId('chart-tables').getByRole('button').all()) await header.click();
    await page.getByTestId('chart-tables').locator('table').nth(1).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('lets a lead download the team’s entries as CSV: every one members let leads see, no private one', async () => {
    const page = await openDashboard(alex.userId);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-entries').click()]);
    expect(download.suggestedFilename()).toMatch(/^learning-loop-.+-entries-12-weeks\.csv$/);
    const rows = parse((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    await page
      .getByTestId('team-exports-status')
      .filter({ hasText: 'Downloaded the team’s learning entries for the last 12 weeks.' })
      .waitFor();
    const held = (await Promise.all(DEMO_PEOPLE.map((p) => service.stores.entries.listAll(DEMO_TENANT_ID, p.userId)))).flat();
    // The demo's history is eight weeks long: all of it falls in the 12-week period.
    const expected = held.filter((e) => e.visibility !== 'private').map((e) => `${e.userId} ${e.createdAt}`);
    expect(held.some((e) => e.visibility === 'private')).toBe(true);
    expect(rows.map((r) => `${r.member_id} ${r.created_at}`).sort()).toEqual(expected.sort());
    await page.close();
  });

  it('sorts and changes the period from the keyboard alone', async () => {
    const page = await openDashboard(alex.userId);
    const before = await memberNames(page);

    const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    let presses = 0;
    while (!(await focusedIs('th[aria-sort] button')) && presses++ < 60) await page.keyboard.press('Tab');
    const header = await page.evaluate(() => document.activeElement?.closest('th')?.textContent);
    expect(header).toBe('Name');
    await page.keyboard.press('Enter');
    expect(await page.locator('th', { hasText: 'Name' }).getAttribute('aria-sort')).toBe('descending');
    expect(await memberNames(page)).toEqual([...before].reverse());

    const entriesBefore = await tile(page, 'Entries');
    presses = 0;
    while (!(await focusedIs('[role="tab"]')) && presses++ < 60) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.getByTestId('period-range').filter({ hasText: 'The last 4 weeks' }).waitFor();
    await page.locator('[role="tabpanel"][aria-busy="false"]').waitFor();
    expect(await page.getByRole('tab', { selected: true }).textContent()).toContain('4 weeks');
    expect(Number(await tile(page, 'Entries'))).toBeLessThan(Number(entriesBefore));
    await page.close();
  });
});
