import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import type { EntryVisibility } from '../../bot/contract/entry-visibility.js';
import { memberEntriesPath } from '../../tab/src/routes.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';

const [alex, megan, adele] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const MEGANS_PAGE = memberEntriesPath({ teamId: DEMO_TEAM.id, userId: megan.userId });

// Megan's newest three, one of each visibility; more below them than one page of the view holds (20).
const KEPT = 'Notes for my own career plan';
const SHARED = 'Pairing on the checkout redesign';
const FOR_LEADS = 'Reading the accessibility audit';
const OLDER = 21;

describe('a lead reads a member’s entries from the dashboard (local mode, demo data)', () => {
  const tab = useDemoTab();

  beforeAll(async () => {
    const now = Date.now();
    const add = async (what: string, visibility: EntryVisibility, minutesAgo: number) => {
      const id = randomUUID();
      const createdAt = new Date(now - minutesAgo * 60_000).toISOString();
      const entry = {
        id,
        tenantId: DEMO_TENANT_ID,
        userId: megan.userId,
        what,
        sourceType: 'article' as const,
        link: null,
        minutes: 15,
        rating: 4,
        insight: `Why ${what} matters`,
        action: null,
        result: null,
        visibility,
        createdAt,
      };
      await tab.service.stores.entries.addOnce(entry, `member-entries-${id}`);
    };
    await add(KEPT, 'private', 1);
    await add(SHARED, 'team', 2);
    await add(FOR_LEADS, 'leads', 3);
    for (let i = 0; i < OLDER; i++) await add(`Weekly reading ${i + 1}`, 'leads', 10 + i);
    await tab.service.rollups.entryChanged({ tenantId: DEMO_TENANT_ID, userId: megan.userId }, new Date(now).toISOString());
  });

  const rowOf = (page: Page, name: string) =>
    page.getByTestId('member-row').filter({ has: page.getByTestId('member-name').getByText(name, { exact: true }) });
  const entryTitles = (page: Page) => page.getByTestId('entry').locator('h3').allTextContents();
  const entryTimes = (page: Page) =>
    page
      .getByTestId('entry')
      .locator('time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));

  /** Megan's entries as the store holds them, newest first: what the lead may see and what they may not. */
  async function megansLog() {
    const all = (await tab.service.stores.entries.listForUser(DEMO_TENANT_ID, megan.userId, { limit: 100 })).entries;
    return { visible: all.filter((e) => e.visibility !== 'private'), kept: all.filter((e) => e.visibility === 'private') };
  }

  it(
    'opens from Megan’s row by keyboard, shows what she shares with leads and the team newest first, and never what she keeps private',
    { timeout: 60_000 },
    async () => {
      const page = await tab.openTeam(alex.userId);
      const link = rowOf(page, megan.displayName).getByRole('link', { name: `View entries (${megan.displayName})` });
      await link.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `${megan.displayName}’s learning` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(MEGANS_PAGE);
      await page.getByTestId('entry').first().waitFor();

      expect(await page.getByTestId('private-note').textContent()).toContain('Entries they keep private (“Only me”) are not shown.');
      expect((await entryTitles(page)).slice(0, 3)).toEqual([SHARED, FOR_LEADS, 'Weekly reading 1']);
      expect(await page.getByTestId('entry').first().getByTestId('entry-visibility').textContent()).toBe('Shared with the team');
      expect(await page.getByTestId('entry').nth(1).getByTestId('entry-visibility').textContent()).toBe('Visible to leads');
      expect(await page.getByTestId('entry').first().textContent()).toContain(`Why ${SHARED} matters`);
      expect(await page.getByText(KEPT).count()).toBe(0);
      // The first page held 20 of her entries, one of them private: 19 shown, and older ones to load.
      expect(await page.getByTestId('entry').count()).toBe(19);
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('loads more until the end, and then holds every entry she shares, in her order, and none she keeps', { timeout: 60_000 }, async () => {
    const page = await tab.open(MEGANS_PAGE, alex.userId);
    await page.getByTestId('entry').first().waitFor();
    const more = page.getByRole('button', { name: 'Load more' });
    for (let pages = 1; (await more.count()) > 0; pages++) {
      expect(pages).toBeLessThan(10);
      await more.click();
      await page
        .getByRole('status')
        .filter({ hasText: /Loaded|None of the next/ })
        .waitFor();
      await page.getByRole('button', { name: 'Loading more…' }).waitFor({ state: 'detached' });
    }
    expect(await page.getByRole('status').textContent()).toContain('That is the end of the list.');

    const { visible, kept } = await megansLog();
    expect(kept.length).toBeGreaterThan(0);
    const shown = await entryTimes(page);
    expect(shown).toEqual(visible.map((e) => e.createdAt));
    for (const entry of kept) expect(shown).not.toContain(entry.createdAt);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('goes back to the team’s dashboard by its link, and by the browser’s Back', { timeout: 60_000 }, async () => {
    const page = await tab.openTeam(alex.userId);
    await rowOf(page, megan.displayName)
      .getByRole('link', { name: `View entries (${megan.displayName})` })
      .click();
    await page.getByRole('heading', { level: 1, name: `${megan.displayName}’s learning` }).waitFor();
    await page.goBack();
    await page.getByTestId('member-row').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/team');

    await page.goForward();
    await page.getByRole('link', { name: 'Back to the team dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team dashboard' }).waitFor();
    await page.getByTestId('member-row').first().waitFor();
    expect(await page.getByTestId('team-name').textContent()).toBe(DEMO_TEAM.name);
    expect(new URL(page.url()).searchParams.get('user')).toBe(alex.userId);
    await page.close();
  });

  it.each(['dark', 'contrast'])('has no accessibility violations in the %s theme', { timeout: 60_000 }, async (theme) => {
    const page = await tab.open(MEGANS_PAGE, alex.userId, `&theme=${theme}`);
    await page.getByTestId('entry').first().waitFor();
    expect(await page.getByText(KEPT).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it(
    'gives a member who is not a lead no way in from the dashboard, and the page itself tells them it is for the team’s leads',
    { timeout: 60_000 },
    async () => {
      const dashboard = await tab.openTeam(megan.userId);
      await dashboard.getByTestId('member-note').waitFor();
      expect(await dashboard.getByTestId('entries-link').count()).toBe(0);
      expect(await dashboard.getByRole('link', { name: /View entries/ }).count()).toBe(0);
      await dashboard.close();

      const page = await tab.open(memberEntriesPath({ teamId: DEMO_TEAM.id, userId: adele.userId }), megan.userId);
      await page.getByTestId('member-entries-refused').waitFor();
      expect(await page.getByTestId('member-entries-refused').textContent()).toContain('This page is for the team’s leads');
      expect(await page.getByTestId('entry').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
