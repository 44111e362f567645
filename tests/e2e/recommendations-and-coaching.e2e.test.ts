import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';

const [alex, megan] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const TITLE = 'Inclusive Design Principles';
const NOTE = 'Nice write-up. Could you show the team the flag rollout at Friday’s demo?';

describe('a lead’s recommendations and coaching, and a learner’s view of them, in the tab (local mode, demo data)', () => {
  const tab = useDemoTab();

  const openTeam = (userId: string, query = '') => tab.openTeam(userId, query);

  const openPersonal = (userId: string, query = '') => tab.open('/personal', userId, query);

  it('lets a lead recommend a resource to the team; a member ticks it off; the lead sees who did it', async () => {
    const lead = await openTeam(alex.userId);
    await lead.getByRole('button', { name: 'Recommend a resource' }).click();
    const dialog = lead.getByTestId('recommend-dialog');
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByLabel('Link').fill('https://inclusivedesignprinciples.info/');
    await dialog.getByLabel('Note').fill('Before the accessibility review');
    await dialog.getByRole('button', { name: 'Recommend', exact: true }).click();
    await lead.getByText(`Recommended ‘${TITLE}’ to the whole team.`).waitFor();
    const item = lead.getByTestId('team-recommendation').filter({ hasText: TITLE });
    await item.waitFor();
    expect(await item.getByTestId('recommendation-done-by').textContent()).toBe(`Done by 0 of ${DEMO_PEOPLE.length}`);

    const learner = await openPersonal(megan.userId);
    const mine = learner.getByTestId('my-recommendation').filter({ hasText: TITLE });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('Before the accessibility review');
    const tick = mine.getByRole('checkbox', { name: `I did this ‘${TITLE}’` });
    await tick.check();
    await learner.getByText(`Marked ‘${TITLE}’ as done.`).waitFor();
    expect(await tick.isChecked()).toBe(true);
    const stored = await tab.service.services.recommendations.forLearner({ tenantId: DEMO_TENANT_ID, userId: megan.userId });
    expect(stored.find((r) => r.title === TITLE)).toMatchObject({ done: true });

    await lead.reload();
    await item.waitFor();
    expect(await item.getByTestId('recommendation-done-by').textContent()).toBe(`Done by 1 of ${DEMO_PEOPLE.length}`);
  });

  it('lets a lead coach a member on a share from the feed, and the member reads the note on their page', async () => {
    const lead = await openTeam(alex.userId);
    const card = lead
      .getByTestId('share-card')
      .filter({ hasText: `Shared by ${megan.displayName}` })
      .first();
    await card.waitFor();
    const about = (await card.locator('h3').textContent()) ?? '';
    await card.getByRole('button', { name: `Coach ${megan.displayName} on ‘${about}’` }).click();
    const dialog = lead.getByTestId('coach-dialog');
    await dialog.getByLabel('Coaching note').fill(NOTE);
    await dialog.getByRole('button', { name: 'Send note' }).click();
    await lead
      .getByTestId('shares-status')
      .getByText(/Coaching note (sent to|saved;)/)
      .waitFor();
    // Nobody is offered Coach on their own share.
    const own = lead.getByTestId('share-card').filter({ hasText: '(you)' });
    for (const ownCard of await own.all()) expect(await ownCard.getByTestId('coach-button').count()).toBe(0);

    const learner = await openPersonal(megan.userId);
    const note = learner.getByTestId('coaching-note').filter({ hasText: NOTE });
    await note.waitFor();
    expect(await note.locator('h3').textContent()).toBe(`On ‘${about}’`);
    expect(await note.textContent()).toContain('Answer from the card in your chat');
  });

  it('shows a member no Recommend, no recommendations section and no Coach', async () => {
    const page = await openTeam(megan.userId);
    await page.getByTestId('share-card').first().waitFor();
    expect(await page.getByTestId('team-recommendations').count()).toBe(0);
    expect(await page.getByTestId('recommend-button').count()).toBe(0);
    expect(await page.getByTestId('coach-button').count()).toBe(0);
  });

  it.each(['light', 'dark', 'contrast'])(
    'has no accessibility violations in the recommendations and coaching views in the %s theme',
    { timeout: 90_000 },
    async (theme) => {
      const team = await openTeam(alex.userId, `&theme=${theme}`);
      await team.getByTestId('team-recommendation').first().waitFor();
      await team.getByTestId('coach-button').first().waitFor();
      expect(await axeViolations(team)).toEqual([]);
      await team.getByRole('button', { name: 'Recommend a resource' }).click();
      const recommend = team.getByTestId('recommend-dialog');
      // A rejected form, its problems stated beside the fields, must pass too.
      await recommend.getByRole('button', { name: 'Recommend', exact: true }).click();
      await recommend.getByText('Say what you recommend').waitFor();
      expect(await axeViolations(team)).toEqual([]);
      await recommend.getByRole('button', { name: 'Cancel' }).click();
      await team.getByTestId('coach-button').first().click();
      await team.getByTestId('coach-dialog').waitFor();
      expect(await axeViolations(team)).toEqual([]);

      const personal = await openPersonal(megan.userId, `&theme=${theme}`);
      await personal.getByTestId('my-recommendation').first().waitFor();
      await personal.getByTestId('coaching-note').first().waitFor();
      expect(await axeViolations(personal)).toEqual([]);
    },
  );
});
