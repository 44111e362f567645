import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const megan = DEMO_PEOPLE[1]!;
// Edits and deletes happen to someone else's log, so Megan's stays as seeded for the tests above.
const adele = DEMO_PEOPLE[2]!;

/** Everything on the page has loaded: the log, the month's summary and the settings. */
async function pageLoaded(page: Page): Promise<void> {
  await page.getByTestId('entry').first().waitFor();
  await page.getByTestId('my-summary').getByText('Streak', { exact: true }).waitFor();
  await page.getByRole('switch', { name: 'Pause my check-ins' }).waitFor();
}

/** A dialog, open and done moving, so what is checked is what the learner sees. */
async function openDialog(page: Page, role: 'dialog' | 'alertdialog') {
  const dialog = page.getByRole(role);
  await dialog.waitFor();
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  return dialog;
}

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
    if (process.env.UPDATE_SCREENSHOTS) {
      // The README's picture of this page: UPDATE_SCREENSHOTS=1 npx vitest run tests/e2e
      await page.setViewportSize({ width: 1280, height: 900 });
      await mkdir(path.join(root, 'docs/screenshots'), { recursive: true });
      await page.screenshot({ path: path.join(root, 'docs/screenshots/my-learning.png') });
    }
    await page.close();
  });

  it.each(['light', 'dark', 'contrast'])('has no accessibility violations in the %s theme', async (theme) => {
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/personal?user=${megan.userId}&theme=${theme}`);
    await pageLoaded(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark', 'contrast'])('has no accessibility violations with the edit dialog open in the %s theme', async (theme) => {
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/personal?user=${megan.userId}&theme=${theme}`);
    await pageLoaded(page);
    await page
      .getByRole('button', { name: /^Edit ‘/ })
      .first()
      .click();
    const dialog = await openDialog(page, 'dialog');
    // A rejected value shows its error state too.
    await dialog.getByLabel('Minutes spent').fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Minutes must be between 1 and 1440').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Delete ‘', exact: false }).first().click();
    await openDialog(page, 'alertdialog');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('explains a failed load and recovers with Retry', async () => {
    const page = await browser.newPage();
    let failNext = true;
    await page.route('**/api/v1/me/entries**', async (route) => {
      if (failNext) {
        failNext = false;
        await route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'tag:learning-loop,2026:problem/unavailable',
            title: 'Service Unavailable',
            status: 503,
            detail: 'Storage is taking a break',
            code: 'unavailable',
            errors: [],
          }),
        });
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

  it('saves an edited entry, which is still changed after a reload, and returns focus to Edit', async () => {
    const [first] = (await service.stores.entries.listForUser(DEMO_TENANT_ID, adele.userId, { limit: 1 })).entries;
    if (!first) throw new Error('The demo gives Adele entries');
    const minutes = first.minutes === 37 ? 38 : 37;
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/personal?user=${adele.userId}`);
    await pageLoaded(page);

    const edit = page.getByRole('button', { name: `Edit ‘${first.what}’` }).first();
    await edit.click();
    const dialog = await openDialog(page, 'dialog');
    await dialog.getByLabel('Minutes spent').fill(String(minutes));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText(`Saved your changes to ‘${first.what}’.`).waitFor();
    expect(await page.getByTestId('entry').first().textContent()).toContain(`${minutes} min`);
    expect(await edit.evaluate((button) => button === document.activeElement)).toBe(true);

    await page.reload();
    await pageLoaded(page);
    expect(await page.getByTestId('entry').first().textContent()).toContain(`${minutes} min`);
    await page.close();
  });

  it('keeps a bad edit in the form with the problem beside the field, and saves nothing', async () => {
    const [first] = (await service.stores.entries.listForUser(DEMO_TENANT_ID, adele.userId, { limit: 1 })).entries;
    if (!first) throw new Error('The demo gives Adele entries');
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/personal?user=${adele.userId}`);
    await pageLoaded(page);
    await page
      .getByRole('button', { name: `Edit ‘${first.what}’` })
      .first()
      .click();
    const dialog = await openDialog(page, 'dialog');
    await dialog.getByLabel('Minutes spent').fill('5000');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await dialog.getByText('Minutes must be between 1 and 1440').waitFor();
    const minutes = dialog.getByLabel('Minutes spent');
    expect(await minutes.inputValue()).toBe('5000');
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    expect(await minutes.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const [after] = (await service.stores.entries.listForUser(DEMO_TENANT_ID, adele.userId, { limit: 1 })).entries;
    expect(after?.minutes).toBe(first.minutes);
    await page.close();
  });

  it('deletes an entry once confirmed, and it is gone after a reload', async () => {
    const before = (await service.stores.entries.listForUser(DEMO_TENANT_ID, adele.userId, { limit: 100 })).entries;
    const doomed = before[1];
    if (!doomed) throw new Error('The demo gives Adele at least two entries');
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/personal?user=${adele.userId}`);
    await pageLoaded(page);
    const entries = page.getByTestId('entry');
    expect(await entries.count()).toBe(before.length);

    await page
      .getByRole('button', { name: `Delete ‘${doomed.what}’` })
      .first()
      .click();
    const dialog = await openDialog(page, 'alertdialog');
    await dialog.getByText('This can’t be undone.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText(`Deleted ‘${doomed.what}’.`).waitFor();
    expect(await entries.count()).toBe(before.length - 1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Your learning log');

    await page.reload();
    await pageLoaded(page);
    expect(await entries.count()).toBe(before.length - 1);
    const ids = (await service.stores.entries.listForUser(DEMO_TENANT_ID, adele.userId, { limit: 100 })).entries.map((e) => e.id);
    expect(ids).not.toContain(doomed.id);
    await page.close();
  });

  it('pauses check-ins and follows a chosen time zone, both kept after a reload', async () => {
    const isaiah = DEMO_PEOPLE[3]!;
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/personal?user=${isaiah.userId}`);
    await pageLoaded(page);
    const pause = page.getByRole('switch', { name: 'Pause my check-ins' });
    expect(await pause.isChecked()).toBe(false);
    await pause.click();
    await page.getByText('Check-ins paused.', { exact: false }).waitFor();

    const zone = page.getByRole('combobox', { name: 'Time zone for your check-ins' });
    await zone.click();
    await zone.fill('tokyo');
    await page.getByRole('option', { name: /^Asia\/Tokyo/ }).click();
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.getByText('Saved. Your check-ins follow Asia/Tokyo.').waitFor();

    await page.reload();
    await pageLoaded(page);
    expect(await pause.isChecked()).toBe(true);
    expect(await page.getByTestId('my-settings').textContent()).toContain('Paused since');
    expect(await zone.inputValue()).toMatch(/^Asia\/Tokyo \(GMT\+09:00\)$/);
    await page.close();
  });
});
