import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_LD_ADMIN, DEMO_PEOPLE, DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { memberEntriesPath } from '../../tab/src/routes.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
/** A small phone held upright, as Teams mobile shows a tab. */
const PHONE = { width: 360, height: 740 };
const TEAM = `&team=${encodeURIComponent(DEMO_TEAM.id)}`;

describe('every view of the tab on a phone, 360 px wide (local mode, demo data)', () => {
  const tab = useDemoTab();

  async function openOnPhone(path: string, userId: string, query = ''): Promise<Page> {
    const page = await tab.browser.newPage({ viewport: PHONE });
    await page.goto(`${tab.service.baseUrl}${path}?user=${userId}${query}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  /** Scrolls to the end until nothing more loads, so every part loaded on demand is on the page. */
  async function loadEverything(page: Page): Promise<void> {
    let height = 0;
    for (let pass = 0; pass < 10; pass++) {
      await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
      await page.waitForLoadState('networkidle');
      const now = await page.evaluate(() => document.scrollingElement!.scrollHeight);
      if (now === height) break;
      height = now;
    }
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  /** The page never scrolls sideways (a wide table may, inside its own scroller), and axe finds nothing. */
  async function expectFitsPhone(page: Page, what: string): Promise<void> {
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const root = document.scrollingElement!;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(clientWidth, what).toBe(PHONE.width);
    expect(scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    expect(await axeViolations(page), what).toEqual([]);
  }

  /** Opens a dialog with `button`, checks it fits the screen whole, and closes it again. */
  async function expectDialogFits(page: Page, button: Locator, what: string): Promise<void> {
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const dialog = page.locator('dialog[open], [role="dialog"], [role="alertdialog"]').last();
    await dialog.waitFor();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const box = (await dialog.boundingBox())!;
    expect(box.x, `${what}: starts off the left edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${what}: runs off the right edge`).toBeLessThanOrEqual(PHONE.width);
    expect(box.y, `${what}: starts above the screen`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${what}: runs below the screen`).toBeLessThanOrEqual(PHONE.height);
    await expectFitsPhone(page, what);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }

  it('My learning, with its dialogs: add a goal, edit and delete an entry, erase my data', async () => {
    const page = await openOnPhone('/personal', megan.userId);
    await page.getByTestId('entry').first().waitFor();
    await loadEverything(page);
    await expectFitsPhone(page, 'My learning');
    await expectDialogFits(page, page.getByTestId('add-goal-button'), 'Add a goal');
    await expectDialogFits(page, page.getByRole('button', { name: /^Edit ‘/ }).first(), 'Edit an entry');
    await expectDialogFits(page, page.getByRole('button', { name: /^Delete ‘/ }).first(), 'Delete an entry');
    await expectDialogFits(page, page.getByTestId('erase-my-data'), 'Erase my data');
    await page.close();
  }, 60_000);

  it('the team dashboard for a lead: members as a list, not a wide table, and every dialog fits', async () => {
    const page = await openOnPhone('/team', alex.userId, TEAM);
    await page.getByTestId('member-row').first().waitFor();
    await loadEverything(page);
    expect(await page.getByTestId('member-table').count()).toBe(0);
    const list = page.getByRole('list', { name: 'Members' });
    expect(
      await list
        .getByRole('listitem')
        .filter({ has: page.getByTestId('member-name') })
        .count(),
    ).toBe(DEMO_PEOPLE.length);
    expect(await list.getByTestId('member-name').allTextContents()).toEqual(expect.arrayContaining([megan.displayName]));
    // Each member's figures keep their labels.
    const meganItem = list.getByTestId('member-row').filter({ has: page.getByText(megan.displayName, { exact: true }) });
    expect(await meganItem.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['Last check-in', 'Streak', 'Follow-up']));
    await expectFitsPhone(page, 'Team dashboard (lead)');
    await expectDialogFits(page, page.getByTestId('nudge-button').first(), 'Nudge a member');
    await expectDialogFits(page, page.getByTestId('role-button').first(), 'Make a lead');
    await expectDialogFits(page, page.getByTestId('recommend-button'), 'Recommend');
    await expectDialogFits(page, page.getByTestId('coach-button').first(), 'Coach on a share');
    await page.close();
  }, 60_000);

  it('the team dashboard for a member', async () => {
    const page = await openOnPhone('/team', megan.userId);
    await page.getByTestId('member-row').first().waitFor();
    await loadEverything(page);
    expect(await page.getByTestId('member-list').getByTestId('member-row').count()).toBe(1);
    await expectFitsPhone(page, 'Team dashboard (member)');
    await page.close();
  });

  it('a member’s entries, as their lead reads them', async () => {
    const page = await openOnPhone(memberEntriesPath({ teamId: DEMO_TEAM.id, userId: megan.userId }), alex.userId);
    await page.getByTestId('entry').first().waitFor();
    await loadEverything(page);
    await expectFitsPhone(page, 'Member’s entries');
    await page.close();
  });

  it('the L&D report: its wide tables scroll inside their own boxes, not the page', async () => {
    const page = await openOnPhone('/admin', DEMO_LD_ADMIN.userId);
    await page.getByTestId('report-teams').waitFor();
    await loadEverything(page);
    await expectFitsPhone(page, 'L&D report');
    await page.close();
  });

  it('the tab’s setup page, and the dashboard in Arabic (right to left)', async () => {
    const configure = await openOnPhone('/configure', alex.userId, TEAM);
    await expectFitsPhone(configure, 'Setup page');
    await configure.close();
    const arabic = await openOnPhone('/team', alex.userId, `${TEAM}&locale=ar`);
    await arabic.getByTestId('member-row').first().waitFor();
    await loadEverything(arabic);
    await expectFitsPhone(arabic, 'Team dashboard in Arabic');
    await arabic.close();
  }, 40_000);
});
