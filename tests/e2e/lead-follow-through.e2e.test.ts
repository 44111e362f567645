import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { asDemoPerson } from '../../bot/testing/requests.js';
import { memberEntriesPath } from '../../tab/src/routes.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';

const [alex, megan, adele] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const MEGANS_PAGE = memberEntriesPath({ teamId: DEMO_TEAM.id, userId: megan.userId });
const WHAT = 'Reading the design system audit';
const RESULT = 'Filed three fixes from it';
const NOTE = 'Which of the three fixes would help new joiners most?';

describe('a lead coaches on a member’s entry, and the 1:1 list from both sides (local mode, demo data)', () => {
  const tab = useDemoTab();

  beforeAll(async () => {
    // Megan's newest entry, seen by her leads, with a result.
    const id = randomUUID();
    await tab.service.stores.entries.addOnce(
      {
        id,
        tenantId: DEMO_TENANT_ID,
        userId: megan.userId,
        what: WHAT,
        sourceType: 'article',
        link: null,
        minutes: 30,
        rating: 5,
        insight: null,
        action: null,
        result: RESULT,
        visibility: 'leads',
        createdAt: new Date().toISOString(),
      },
      `lead-follow-through-${id}`,
    );
  });

  const theEntry = (page: Page) => page.getByTestId('entry').filter({ has: page.getByRole('heading', { name: WHAT }) });
  const oneToOne = (page: Page) => page.getByTestId('one-to-one-list');
  const openItems = (page: Page) => oneToOne(page).getByTestId('one-to-one-item');
  const openMeganAsLead = async () => {
    const page = await tab.open(MEGANS_PAGE, alex.userId);
    await theEntry(page).waitFor();
    await oneToOne(page).waitFor();
    return page;
  };
  const openMyLearning = async (userId: string, query = '') => {
    const page = await tab.open('/personal', userId, query);
    await page.getByTestId('my-one-to-ones').getByTestId('one-to-one-list').first().waitFor();
    return page;
  };

  it('coaches Megan on her entry from her entries page: the note is hers to answer, on her My learning', { timeout: 60_000 }, async () => {
    const lead = await openMeganAsLead();
    const coach = theEntry(lead).getByRole('button', { name: `Coach ${megan.displayName} on ‘${WHAT}’` });
    await coach.click();
    const dialog = lead.getByTestId('coach-dialog');
    await dialog.getByLabel('Coaching note').fill(NOTE);
    await dialog.getByRole('button', { name: 'Send note' }).click();
    await theEntry(lead)
      .getByTestId('lead-entry-status')
      .getByText(/Coaching note (sent to|saved;)/)
      .waitFor();
    expect(await lead.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('coach-entry-button');
    const [stored] = (await tab.service.stores.coaching.listForLearner(DEMO_TENANT_ID, megan.userId)).filter((n) => n.note === NOTE);
    expect(stored).toMatchObject({ about: WHAT, leadId: alex.userId });
    expect(stored?.shareId).toBeUndefined();
    expect(stored?.entryId).toBeTruthy();
    await lead.close();

    const learner = await tab.open('/personal', megan.userId);
    const note = learner.getByTestId('coaching-note').filter({ hasText: NOTE });
    await note.waitFor();
    expect(await note.locator('h3').textContent()).toBe(`On ‘${WHAT}’`);
    expect(await note.textContent()).toContain('Answer from the card in your chat');
    await learner.close();
  });

  it('keeps one 1:1 list that Alex and Megan both add to and tick off, each seeing the other’s changes', { timeout: 90_000 }, async () => {
    const lead = await openMeganAsLead();
    await theEntry(lead)
      .getByRole('button', { name: `Discuss the result at our 1:1 ‘${WHAT}’` })
      .click();
    await openItems(lead)
      .filter({ hasText: `Result: ${RESULT}` })
      .waitFor();
    await oneToOne(lead).getByLabel('A topic to discuss').fill('Mentoring the new joiner');
    await oneToOne(lead).getByRole('button', { name: 'Add topic' }).click();
    await openItems(lead).filter({ hasText: 'Mentoring the new joiner' }).waitFor();
    await lead.close();

    const learner = await openMyLearning(megan.userId);
    const list = learner
      .getByTestId('my-one-to-ones')
      .getByTestId('one-to-one-list')
      .filter({ hasText: `With ${alex.displayName}` });
    expect(await list.getByTestId('one-to-one-item').allTextContents()).toEqual([
      expect.stringContaining(`Result: ${RESULT}Added by ${alex.displayName}`),
      expect.stringContaining(`Mentoring the new joinerAdded by ${alex.displayName}`),
    ]);
    await list.getByLabel('A topic to discuss').fill('Conference in the spring');
    await list.getByRole('button', { name: 'Add topic' }).click();
    await list.getByTestId('one-to-one-item').filter({ hasText: 'Conference in the spring' }).waitFor();
    await list
      .getByTestId('one-to-one-item')
      .filter({ hasText: `Result: ${RESULT}` })
      .getByRole('button', { name: 'Discussed' })
      .click();
    await list.getByTestId('one-to-one-status').getByText(`Ticked off: Result: ${RESULT}`).waitFor();
    await list.getByTestId('one-to-one-ticked').getByText('Discussed in the last 90 days').click();
    await list.getByTestId('one-to-one-ticked-item').getByText(`ticked off by ${megan.displayName}`, { exact: false }).waitFor();
    await learner.close();

    const again = await openMeganAsLead();
    expect(await openItems(again).allTextContents()).toEqual([
      expect.stringContaining('Mentoring the new joiner'),
      expect.stringContaining(`Conference in the springAdded by ${megan.displayName}`),
    ]);
    expect(await oneToOne(again).getByTestId('one-to-one-ticked-item').allTextContents()).toEqual([
      expect.stringContaining(`Result: ${RESULT}`),
    ]);
    await again.close();
  });

  it.each(['light', 'dark', 'contrast'])(
    'has no accessibility violations on the lead’s and the learner’s side in the %s theme',
    { timeout: 60_000 },
    async (theme) => {
      const lead = await tab.open(MEGANS_PAGE, alex.userId, `&theme=${theme}`);
      await theEntry(lead).waitFor();
      await oneToOne(lead).waitFor();
      expect(await axeViolations(lead)).toEqual([]);
      await lead.close();

      const learner = await openMyLearning(megan.userId, `&theme=${theme}`);
      // The folded list of what was discussed is open too, so it is checked as well.
      const ticked = learner.getByTestId('one-to-one-ticked').first();
      if ((await ticked.count()) > 0) await ticked.locator('summary').click();
      expect(await axeViolations(learner)).toEqual([]);
      await learner.close();
    },
  );

  it(
    'refuses a member who is not a lead: no Coach, no Discuss, no list of someone else’s, and the API says 403',
    { timeout: 60_000 },
    async () => {
      const page = await tab.open(MEGANS_PAGE, adele.userId);
      await page.getByTestId('member-entries-refused').waitFor();
      expect(await page.getByTestId('coach-entry-button').count()).toBe(0);
      expect(await page.getByTestId('discuss-button').count()).toBe(0);
      expect(await page.getByTestId('member-one-to-one').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();

      // On her own page Adele has her list with Alex, and nothing of Megan's.
      const own = await openMyLearning(adele.userId);
      const lists = own.getByTestId('my-one-to-ones').getByTestId('one-to-one-list');
      expect(await lists.locator('h3').allTextContents()).toEqual([`With ${alex.displayName} (${DEMO_TEAM.name})`]);
      expect(await own.getByTestId('my-one-to-ones').textContent()).not.toContain('Mentoring the new joiner');
      await own.close();

      const pair = `/api/v1/teams/${encodeURIComponent(DEMO_TEAM.id)}/one-to-ones/${alex.userId}/${megan.userId}`;
      const entries = (await tab.service.stores.entries.listForUser(DEMO_TENANT_ID, megan.userId, { limit: 1 })).entries;
      for (const [method, path, body] of [
        ['GET', pair, undefined],
        ['POST', `${pair}/items`, { topic: 'Snooping' }],
        [
          'POST',
          `/api/v1/teams/${encodeURIComponent(DEMO_TEAM.id)}/members/${megan.userId}/entries/${entries[0]!.id}/coaching`,
          { note: 'Hi' },
        ],
      ] as const) {
        const res = await fetch(`${tab.service.baseUrl}${path}`, {
          method,
          headers: asDemoPerson(adele.userId),
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    },
  );
});
