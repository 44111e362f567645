import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { MyOneToOnesResponse, OneToOneItem, OneToOneListView } from '../../bot/contract/one-to-one.js';
import type { MyDataExport } from '../../bot/domain/my-data.js';
import { asDemoPerson } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { problemOf } from '../support/problem.js';

const [alex, megan, adele, lynne] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!];
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const pairPath = (leadId: string, memberId: string) => `${team}/one-to-ones/${encodeURIComponent(leadId)}/${encodeURIComponent(memberId)}`;
const alexAndMegan = pairPath(alex.userId, megan.userId);

describe('the 1:1 list a lead and a member keep (Azurite)', () => {
  let service: RunningTestService;
  const call = async (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${service.baseUrl}/api/v1${path}`, {
      method,
      headers: asDemoPerson(who),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const json = async <T>(res: Response): Promise<T> => {
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const entryOf = async (visibility: 'private' | 'leads', result?: string) => {
    const learner = { tenantId: DEMO_TENANT_ID, userId: megan.userId };
    const saved = await service.services.checkIns.submit(learner, {
      cardId: crypto.randomUUID(),
      what: `Feedback workshop (${visibility})`,
      sourceType: 'course',
      visibility,
    });
    if (saved.status !== 'saved') throw new Error(JSON.stringify(saved.errors));
    if (result) await service.services.learningLog.editMine(learner, saved.entry.id, { result });
    return saved.entry.id;
  };

  beforeAll(async () => {
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
  }, 60_000);
  afterAll(() => service.stop());

  it('is one list both of them read and add to, topics and entries alike, each saying who added it', async () => {
    const entryId = await entryOf('leads', 'Gave feedback in the retro');
    const fromLead = await json<{ item: OneToOneItem }>(await call(alex.userId, 'POST', `${alexAndMegan}/items`, { entryId }));
    expect(fromLead.item).toMatchObject({
      kind: 'entry',
      refId: entryId,
      text: 'Feedback workshop (leads)',
      addedBy: { displayName: alex.displayName },
    });
    const result = await json<{ item: OneToOneItem }>(await call(alex.userId, 'POST', `${alexAndMegan}/items`, { resultOf: entryId }));
    expect(result.item).toMatchObject({ kind: 'result', text: 'Gave feedback in the retro' });
    const topic = await json<{ item: OneToOneItem }>(
      await call(megan.userId, 'POST', `${alexAndMegan}/items`, { topic: '  Conference budget\u0007 ' }),
    );
    expect(topic.item).toMatchObject({ kind: 'topic', refId: null, text: 'Conference budget', addedBy: { userId: megan.userId } });
    // The same entry twice is one item.
    const again = await json<{ item: OneToOneItem }>(await call(megan.userId, 'POST', `${alexAndMegan}/items`, { entryId }));
    expect(again.item.itemId).toBe(fromLead.item.itemId);

    const leadView = await json<{ list: OneToOneListView }>(await call(alex.userId, 'GET', alexAndMegan));
    expect(leadView.list.items.map((i) => i.text)).toEqual([
      'Feedback workshop (leads)',
      'Gave feedback in the retro',
      'Conference budget',
    ]);
    const mine = await json<MyOneToOnesResponse>(await call(megan.userId, 'GET', '/me/one-to-ones'));
    const withAlex = mine.lists.find((l) => l.lead.userId === alex.userId && l.teamId === DEMO_TEAM.id)!;
    expect(withAlex).toMatchObject({ teamName: DEMO_TEAM.name, member: { userId: megan.userId } });
    expect(withAlex.items).toEqual(leadView.list.items);
  });

  it('ticks an item off with the day and who ticked it; ticked items stay, after the open ones', async () => {
    const { list } = await json<{ list: OneToOneListView }>(await call(megan.userId, 'GET', alexAndMegan));
    const first = list.items[0]!;
    const ticked = await json<{ item: OneToOneItem }>(await call(megan.userId, 'PUT', `${alexAndMegan}/items/${first.itemId}/ticked`));
    expect(ticked.item.ticked).toMatchObject({ by: { userId: megan.userId, displayName: megan.displayName } });
    expect(Date.parse(ticked.item.ticked!.at)).toBeGreaterThan(Date.now() - 60_000);
    // Ticking again changes nothing.
    const twice = await json<{ item: OneToOneItem }>(await call(alex.userId, 'PUT', `${alexAndMegan}/items/${first.itemId}/ticked`));
    expect(twice.item.ticked).toEqual(ticked.item.ticked);
    const after = await json<{ list: OneToOneListView }>(await call(alex.userId, 'GET', alexAndMegan));
    expect(after.list.items.at(-1)).toMatchObject({ itemId: first.itemId, ticked: ticked.item.ticked });
    expect(after.list.items).toHaveLength(list.items.length);
  });

  it('lets a lead put on the list only what they may see, and refuses bad topics naming the field', async () => {
    const privateEntry = await entryOf('private');
    expect((await call(alex.userId, 'POST', `${alexAndMegan}/items`, { entryId: privateEntry })).status).toBe(404);
    expect((await call(alex.userId, 'POST', `${alexAndMegan}/items`, { resultOf: await entryOf('leads') })).status).toBe(404);
    for (const body of [{ topic: '' }, { topic: 'x'.repeat(281) }, { topic: 'a', entryId: privateEntry }, {}, { note: 'x' }]) {
      const res = await call(megan.userId, 'POST', `${alexAndMegan}/items`, body);
      expect(res.status).toBe(400);
      expect((await problemOf(res)).detail).toMatch(/^Invalid item: /);
    }
  });

  it('is seen by the two of them only: a plain member, another lead of the team, and anyone naming a non-lead are refused', async () => {
    const before = (await service.stores.oneToOne.listForMember(DEMO_TENANT_ID, megan.userId)).length;
    expect((await call(adele.userId, 'GET', alexAndMegan)).status).toBe(403);
    expect((await call(adele.userId, 'POST', `${alexAndMegan}/items`, { topic: 'Snooping' })).status).toBe(403);
    await service.stores.teams.setRole(DEMO_TENANT_ID, DEMO_TEAM.id, lynne.userId, 'lead');
    try {
      const other = await call(lynne.userId, 'GET', alexAndMegan);
      expect(other.status).toBe(403);
      expect(await other.text()).not.toContain('Conference budget');
      // Lynne, now a lead, has a list of her own with Megan, empty.
      const mine = await json<MyOneToOnesResponse>(await call(megan.userId, 'GET', '/me/one-to-ones'));
      expect(mine.lists.find((l) => l.lead.userId === lynne.userId)?.items).toEqual([]);
    } finally {
      await service.stores.teams.setRole(DEMO_TENANT_ID, DEMO_TEAM.id, lynne.userId, 'member');
    }
    // A list "led" by a plain member does not exist.
    expect((await call(megan.userId, 'GET', pairPath(adele.userId, megan.userId))).status).toBe(404);
    expect((await service.stores.oneToOne.listForMember(DEMO_TENANT_ID, megan.userId)).length).toBe(before);
  });

  it('is in the learner’s export, and goes when they erase their data', async () => {
    const exported = await json<MyDataExport>(await call(megan.userId, 'GET', '/me/export'));
    expect(exported.oneToOne.map((i) => i.text)).toContain('Conference budget');
    expect(exported.oneToOne.every((i) => i.leadId === alex.userId && i.teamId === DEMO_TEAM.id)).toBe(true);
    await service.services.myData.erase({ tenantId: DEMO_TENANT_ID, userId: megan.userId });
    expect(await service.stores.oneToOne.listForMember(DEMO_TENANT_ID, megan.userId)).toEqual([]);
  });
});
