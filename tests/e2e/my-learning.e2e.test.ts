import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const megan = DEMO_PEOPLE[1]!;

describe('the tab’s "My learning" page in a browser (local mode, demo data)', () => {
  let service: RunningTestService;
  let browser: Browser;
  let meganEntries: string[];

  beforeAll(async () => {
    service = await startTestService({ tabDistDir: path.join(root, 'tab/dist') });
    await seedDemoData({ stores: service.stores, rollups: service.rollups, now: new Date() });
    const page = await service.stores.entries.listForUser(DEMO_TENANT_ID, megan.userId, { limit: 100 });
    meganEntries = page.entries.map((e) => e.what);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('lists the chosen demo person’s entries, newest first, under a clear local-mode label', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/personal?user=${megan.userId}`);
    await page.getByRole('heading', { level: 1, name: 'My learning' }).waitFor();
    await page.getByTestId('entry').first().waitFor();
    expect(await page.getByText('Local mode', { exact: false }).count()).toBeGreaterThan(0);
    const titles = await page.getByTestId('entry').locator('h2, h3').allTextContents();
    expect(titles.slice(0, meganEntries.length)).toEqual(meganEntries.slice(0, titles.length));
    await page.close();
  });

  it.each(['light', 'dark', 'contrast'])('has no accessibility violations in the %s theme', async (theme) => {
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/personal?user=${megan.userId}&theme=${theme}`);
    await page.getByTestId('entry').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('explains a failed load and recovers with Retry', async () => {
    const page = await browser.newPage();
    let failNext = true;
    await page.route('**/api/v1/me/entries**', async (route) => {
      if (failNext) {
        failNext = false;
        await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'Storage is taking a break' } }) });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${service.baseUrl}/personal?user=${megan.userId}`);
    await page.getByText('Storage is taking a break').waitFor();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('entry').first().waitFor();
    await page.close();
  });
});
