import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];

describe('a lead makes another member a lead from the dashboard (local mode, demo data)', () => {
  const tab = useDemoTab();

  const openTeam = (userId: string, query = '') => tab.openTeam(userId, query);
  const rowOf = (page: Page, name: string) =>
    page.getByTestId('member-row').filter({ has: page.getByTestId('member-name').getByText(name, { exact: true }) });

  it('shows the lead their follow-ups, and no Nudge or Remove as lead on their own row while they are the only lead', async () => {
    const page = await openTeam(alex.userId);
    expect(await page.getByTestId('leader-figures-yours').textContent()).toMatch(/^Follow-ups asked of you: /);
    expect(await page.getByTestId('leader-figures-team').textContent()).toMatch(/^The team’s leads, together: /);
    expect(await rowOf(page, alex.displayName).getByRole('button').count()).toBe(0);
    expect(await rowOf(page, megan.displayName).getByRole('button').allTextContents()).toEqual([
      `Nudge ${megan.displayName}`,
      `Make lead (${megan.displayName})`,
    ]);
    await page.close();
  });

  it(
    'makes Megan a lead after confirming — accessible with the dialog open — and Megan then sees the lead’s view',
    { timeout: 60_000 },
    async () => {
      const page = await openTeam(alex.userId);
      await rowOf(page, megan.displayName)
        .getByRole('button', { name: `Make lead (${megan.displayName})` })
        .click();
      const dialog = page.getByRole('dialog', { name: `Make ${megan.displayName} a lead?` });
      await dialog.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Make lead' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${megan.displayName} is now a lead` })
        .waitFor();
      await rowOf(page, megan.displayName)
        .getByRole('button', { name: `Remove as lead (${megan.displayName})` })
        .waitFor();
      expect(await rowOf(page, megan.displayName).getByText('Lead', { exact: true }).count()).toBe(1);
      // Focus is back on the row's button, which now offers the way back.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Remove as lead (${megan.displayName})`);
      // With a second lead, Alex may now step down.
      await rowOf(page, alex.displayName)
        .getByRole('button', { name: `Remove as lead (${alex.displayName})` })
        .waitFor();
      const roster = await tab.service.stores.teams.listMembers(DEMO_TENANT_ID, DEMO_TEAM.id);
      expect(roster.find((m) => m.userId === megan.userId)?.role).toBe('lead');
      await page.close();

      const hers = await openTeam(megan.userId);
      expect(await hers.getByTestId('member-row').count()).toBe(DEMO_PEOPLE.length);
      expect(await hers.getByTestId('member-note').count()).toBe(0);
      await hers.getByTestId('leader-figures').waitFor();
      // Her own row: no Nudge, and, with Alex still a lead, a way to step down.
      expect(await rowOf(hers, megan.displayName).getByRole('button').allTextContents()).toEqual([`Remove as lead (${megan.displayName})`]);
      expect(await rowOf(hers, alex.displayName).getByRole('button').allTextContents()).toEqual([
        `Nudge ${alex.displayName}`,
        `Remove as lead (${alex.displayName})`,
      ]);
      await hers.close();
    },
  );

  it.each(['dark', 'contrast'])(
    'has no accessibility violations with the confirmation open in the %s theme',
    { timeout: 60_000 },
    async (theme) => {
      const page = await openTeam(alex.userId, `&theme=${theme}`);
      // The sections below the table have loaded: the page is as the lead will use it.
      await page.getByTestId('nudge-item').or(page.getByTestId('follow-ups-empty')).first().waitFor();
      const adele = DEMO_PEOPLE[2]!.displayName;
      await rowOf(page, adele)
        .getByRole('button', { name: `Make lead (${adele})` })
        .click();
      await page
        .getByRole('dialog', { name: `Make ${adele} a lead?` })
        .or(page.getByText('Couldn’t open the confirmation'))
        .first()
        .waitFor();
      expect(await page.getByText('Couldn’t open the confirmation').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.close();
    },
  );
});
