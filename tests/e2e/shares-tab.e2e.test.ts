import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { useDemoTab } from './support/demo-tab.js';
import { axeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];

describe('learning shares in the tab: the team’s feed, top resources and a learner’s saved list (local mode, demo data)', () => {
  const tab = useDemoTab();

  async function openTeam(userId: string, query = ''): Promise<Page> {
    const page = await tab.open('/team', userId, query);
    await page.getByTestId('share-card').first().waitFor();
    await page.getByTestId('top-rated-item').first().waitFor();
    return page;
  }

  it('lists the team’s shares newest first and by most helpful, with the counts the service holds', async () => {
    const page = await openTeam(megan.userId);
    const feed = await tab.service.services.shareLists.feed({ tenantId: DEMO_TENANT_ID, userId: megan.userId }, DEMO_TEAM.id, 'helpful');
    if ('status' in feed) throw new Error('Megan is in the demo team');
    await page.getByLabel('Most helpful').check();
    await expect.poll(async () => page.getByTestId('share-card').first().getByRole('heading').textContent()).toBe(feed.shares[0]!.what);
    const counts = await page.getByTestId('share-helpful-count').allTextContents();
    expect(counts.length).toBe(feed.shares.length);
    expect(counts[0]).toContain(String(feed.shares[0]!.helpful));
  });

  it('marks a share helpful from the feed: the count goes up and stays up after a reload', async () => {
    const page = await openTeam(megan.userId);
    const unmarked = page
      .getByTestId('share-card')
      .filter({ has: page.getByRole('button', { name: /^Helpful/, pressed: false, disabled: false }) })
      .first();
    const title = (await unmarked.getByRole('heading').textContent()) ?? '';
    // Found by its title from here on: once marked, it no longer matches "not pressed".
    const card = page
      .getByTestId('share-card')
      .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
      .first();
    const before = Number(/\d+/.exec((await card.getByTestId('share-helpful-count').textContent()) ?? '')?.[0] ?? 0);
    await card.getByRole('button', { name: /^Helpful/ }).click();
    await expect.poll(async () => card.getByRole('button', { name: /^✓?\s*Helpful/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await card.getByTestId('share-helpful-count').textContent()).toContain(String(before + 1));
    await page.reload();
    const again = page
      .getByTestId('share-card')
      .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
      .first();
    await again.waitFor();
    expect(await again.getByTestId('share-helpful-count').textContent()).toContain(String(before + 1));
  });

  it('shows top resources for the team and the organisation with how they are ranked', async () => {
    const page = await openTeam(alex.userId, `&team=${encodeURIComponent(DEMO_TEAM.id)}`);
    expect(await page.getByTestId('resources-ranking').textContent()).toContain('at least 3 ratings');
    await page.getByLabel('Whole organisation').check();
    await page.getByTestId('top-rated-item').first().waitFor();
    expect(await page.getByTestId('most-saved-item').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'team-shares.png', { from: page.getByTestId('shares-feed'), height: 1500 });
    await saveScreenshot(page, 'team-top-resources.png', { from: page.getByTestId('top-resources'), height: 900 });
  });

  it('lists what a learner saved on their personal page and lets them unsave it', async () => {
    const { saved } = await tab.service.services.shareLists.savedOf({ tenantId: DEMO_TENANT_ID, userId: alex.userId });
    expect(saved.length).toBeGreaterThan(0);
    const page = await tab.open('/personal', alex.userId);
    await page.getByTestId('saved-item').first().waitFor();
    expect(await page.getByTestId('saved-item').count()).toBe(saved.length);
    await saveScreenshot(page, 'my-learning-saved.png', { from: page.getByTestId('saved-list'), height: 900 });
    await page
      .getByTestId('saved-item')
      .first()
      .getByRole('button', { name: /^Unsave/ })
      .click();
    await expect.poll(() => page.getByTestId('saved-item').count()).toBe(saved.length - 1);
    expect((await tab.service.services.shareLists.savedOf({ tenantId: DEMO_TENANT_ID, userId: alex.userId })).saved).toHaveLength(
      saved.length - 1,
    );
  });

  it.each(['light', 'dark', 'contrast'])(
    'has no accessibility violations in the feed, top resources and saved list in the %s theme',
    { timeout: 60_000 },
    async (theme) => {
      const team = await openTeam(alex.userId, `&theme=${theme}`);
      expect(await axeViolations(team)).toEqual([]);
      const personal = await tab.open('/personal', megan.userId, `&theme=${theme}`);
      await personal.getByTestId('saved-list').waitFor();
      await personal.getByTestId('saved-item').or(personal.getByTestId('saved-empty')).first().waitFor();
      expect(await axeViolations(personal)).toEqual([]);
    },
  );
});
