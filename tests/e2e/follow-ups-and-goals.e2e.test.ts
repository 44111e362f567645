import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { useDemoTab } from './support/demo-tab.js';
import { axeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];

describe('a lead’s follow-ups and a learner’s goals in the tab (local mode, demo data)', () => {
  const tab = useDemoTab();

  const openTeam = (userId: string, query = '') => tab.openTeam(userId, query);

  it('lets a lead nudge a member from the member table, and lists the nudge under Follow-ups', async () => {
    const page = await openTeam(alex.userId);
    await page.getByRole('button', { name: `Nudge ${megan.displayName}` }).click();
    const dialog = page.getByTestId('nudge-dialog');
    await dialog.getByLabel('Note').fill('How is the accessibility course going?');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page
      .getByText(/Nudge (sent to|recorded;)/)
      .first()
      .waitFor();
    const item = page.getByTestId('nudge-item').filter({ hasText: megan.displayName }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain('How is the accessibility course going?');
    const history = await tab.service.services.nudges.historyFor({ tenantId: DEMO_TENANT_ID, userId: alex.userId }, DEMO_TEAM.id);
    expect(history[0]).toMatchObject({ learnerId: megan.userId, note: 'How is the accessibility course going?' });
    await saveScreenshot(page, 'team-follow-ups.png', { from: page.getByTestId('follow-ups'), height: 600 });
  });

  it('shows a member no Nudge buttons and no follow-ups', async () => {
    const page = await openTeam(megan.userId);
    expect(await page.getByTestId('nudge-button').count()).toBe(0);
    expect(await page.getByTestId('follow-ups').count()).toBe(0);
  });

  it('lets a learner add a goal on their personal page', async () => {
    const page = await tab.open('/personal', megan.userId);
    await page.getByTestId('add-goal-button').click();
    await page.getByLabel('What do you want to learn?').fill('Run a usability test on my own');
    await page.getByLabel('Target date').fill(`${new Date().getUTCFullYear() + 1}-03-31`);
    await page.getByRole('button', { name: 'Add goal' }).click();
    const goal = page.getByTestId('goal-item').filter({ hasText: 'Run a usability test on my own' });
    await goal.waitFor();
    // The dialog has closed (and finished fading) before anything is judged or pictured.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await goal.getByTestId('goal-status').textContent()).toMatch(/On track|Open/);
    expect((await tab.service.services.goals.mine({ tenantId: DEMO_TENANT_ID, userId: megan.userId })).map((g) => g.what)).toContain(
      'Run a usability test on my own',
    );
    await saveScreenshot(page, 'my-learning-goals.png', { from: page.getByTestId('goals-section'), height: 500 });
  });

  it.each(['light', 'dark', 'contrast'])(
    'has no accessibility violations in the follow-up view and the goals in the %s theme',
    { timeout: 60_000 },
    async (theme) => {
      const team = await openTeam(alex.userId, `&theme=${theme}`);
      await team
        .getByTestId('nudge-item')
        .or(team.getByText('No nudges yet', { exact: false }))
        .first()
        .waitFor();
      // The demo's follow-up waiting past the expectation, with its note box and Close, is checked too.
      await team.getByTestId('open-follow-up').first().waitFor();
      expect(await axeViolations(team)).toEqual([]);
      await team.getByRole('button', { name: `Nudge ${DEMO_PEOPLE[2]!.displayName}` }).click();
      await team.getByTestId('nudge-dialog').waitFor();
      expect(await axeViolations(team)).toEqual([]);
      const personal = await tab.open('/personal', megan.userId, `&theme=${theme}`);
      await personal.getByTestId('goal-item').first().waitFor();
      expect(await axeViolations(personal)).toEqual([]);
    },
  );
});
