import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NUDGE_REPLY_VERB } from '../../bot/cards/nudge-cards.js';
import { DEMO_LD_ADMIN, DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID, type DemoPerson } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { ApiError } from '../../bot/http/api-error.js';
import { ERASED_PERSON } from '../../bot/domain/my-data.js';
import { tallyOf } from '../../bot/domain/share.js';
import { minuteKey } from '../../bot/store/due-index-store.js';
import { TABLES, tableClients, type TableClients, type TableName } from '../../bot/store/table-clients.js';
import { cardActionActivity, inTeamChannel, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { postActivity } from '../../bot/testing/requests.js';
import { snapshotTables, tableChanges } from '../../bot/testing/table-snapshot.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { tracesOf } from '../support/person-traces.js';
import { storageTracesOf } from '../support/storage-traces.js';
import { problemOf } from '../support/problem.js';
import { digestCycle } from '../../bot/store/send-store.js';

const [alex, megan, adele, isaiah] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!];
const patti = DEMO_LD_ADMIN;
const account = (p: DemoPerson) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const team = `/teams/${encodeURIComponent(DEMO_TEAM.id)}`;
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
/** Every way the store could still know Megan: her Entra id, her Teams id, her name. */
const MEGAN_TRACES = [megan.userId, megan.teamsUserId, megan.displayName];
/** Words only Megan wrote: an entry (shared, so a share's title, link and words too), a goal, a coaching answer, a 1:1 topic. */
const MEGAN_WORDS = {
  shareTitle: 'Quokka-led inclusive design patterns',
  shareLink: 'https://example.com/megan-quokka-guide',
  shareWords: 'Quokkas notice every unlabelled button',
  goal: 'Run a quokka usability test on my own',
  coachingAnswer: 'Quokka plan: I will show it at the retro',
  oneToOneTopic: 'Quokka budget for the spring conference',
};

describe('erasing a learner’s data (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let tables: TableClients;
  const ids: { meganShare: string; alexShare: string; adeleShare: string; teamRec: string } = {
    meganShare: '',
    alexShare: '',
    adeleShare: '',
    teamRec: '',
  };

  // Callers are named by a bearer token the test verifies itself, so an erased person can still call (and find nothing).
  const byToken = new Map(DEMO_PEOPLE.map((p) => [p.userId, p]));
  const api = (who: DemoPerson, method: string, path: string, body?: unknown) =>
    fetch(`${service.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${who.userId}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ok = async (res: Response | Promise<Response>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${r.status} ${await r.text()}`);
    return r;
  };
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);
  const from = (p: DemoPerson) => ({ serviceUrl: connector.serviceUrl, from: account(p), conversationId: `a:personal-${p.userId}` });
  const shareCheckIn = async (
    p: DemoPerson,
    cardId: string,
    what: string,
    words: { link: string; insight: string } = { link: 'https://example.com/guide', insight: 'Say why' },
  ) => {
    await post(
      cardActionActivity(
        'checkin.submit',
        {
          cardId,
          shareTeamId: DEMO_TEAM.id,
          what,
          sourceType: 'article',
          link: words.link,
          rating: '4',
          insight: words.insight,
          shareWithTeam: 'true',
          shareParts: 'insight,link',
        },
        from(p),
      ),
    );
    await service.services.sharing.settled();
    return cardId;
  };

  beforeAll(async () => {
    connector = await startFakeConnector({
      [DEMO_TEAM.id]: {
        members: DEMO_PEOPLE.map(account),
        channels: [{ id: DEMO_TEAM.id }, { id: DEMO_SHARES_CHANNEL, name: 'Learning shares' }],
      },
    });
    const verifyCaller = async (token: string) => {
      const person = byToken.get(token);
      if (!person) throw new ApiError(401, 'unauthenticated', 'Unknown test token.');
      return { tenantId: DEMO_TENANT_ID, userId: person.userId, displayName: person.displayName };
    };
    service = await startTestService({ acceptDemoIdentities: false }, { verifyCaller });
    tables = tableClients(service.config.storage);
    const now = new Date();
    // The demo: Megan has eight weeks of entries and check-ins, rollups, two shares others marked, and marks on theirs.
    await seedDemoData({ ...service, now });

    // The organisation sends statements to an LRS: hers wait in the outbox (nothing works the queue here).
    await service.stores.lrs.save(DEMO_TENANT_ID, {
      endpoint: 'https://lrs.example.com/xapi',
      key: 'learning-loop',
      secret: 's3cret',
      updatedAt: now.toISOString(),
    });

    // She has chatted with the app (profile, personal conversation) and spoke in the team's channel (its reference names her).
    for (const p of [alex, megan, adele]) await post(messageActivity('help', from(p)));
    await post(inTeamChannel(messageActivity('help', { serviceUrl: connector.serviceUrl, from: account(megan) }), DEMO_TEAM));

    // She co-leads the team: she set its schedule (every member's next check-in is planned) and asked for a reminder.
    await service.stores.teams.setRole(DEMO_TENANT_ID, DEMO_TEAM.id, megan.userId, 'lead');
    await ok(
      api(megan, 'PUT', `${team}/settings`, {
        cadence: 'weekly',
        weekday: 5,
        localTime: '16:00',
        timeZone: 'Europe/London',
        reminderAfterHours: 24,
        sharesChannelId: DEMO_SHARES_CHANNEL,
      }),
    );
    const later = new Date(now.getTime() + 86_400_000);
    // As a lead she read Adele's log, and Alex, the other lead, read hers: the audit trail names her both ways.
    await ok(api(megan, 'GET', `${team}/members/${encodeURIComponent(adele.userId)}/entries`));
    await ok(api(alex, 'GET', `${team}/members/${encodeURIComponent(megan.userId)}/entries`));
    await service.stores.dueIndex.putReminder(
      {
        minute: minuteKey(later),
        tenantId: DEMO_TENANT_ID,
        userId: megan.userId,
        teamId: DEMO_TEAM.id,
        cycle: '2099-W01',
        dueAt: later.toISOString(),
      },
      'snooze',
    );

    // Shares posted to the channel: hers, marked by others (Alex saves it; she is told it helped), and Alex's, which she marks.
    ids.meganShare = await shareCheckIn(megan, 'megan-share-0001', MEGAN_WORDS.shareTitle, {
      link: MEGAN_WORDS.shareLink,
      insight: MEGAN_WORDS.shareWords,
    });
    ids.alexShare = await shareCheckIn(alex, 'alex-share-00001', 'Design tokens in practice');
    // Their ratings of it are statements of theirs for the LRS that carry her share's title and link.
    await ok(api(alex, 'PUT', `${team}/shares/${ids.meganShare}/my-vote`, { helpful: true, saved: true, rating: 4 }));
    await ok(api(adele, 'PUT', `${team}/shares/${ids.meganShare}/my-vote`, { helpful: true, rating: 5 }));
    await ok(api(megan, 'PUT', `${team}/shares/${ids.alexShare}/my-vote`, { helpful: true, saved: true, rating: 5 }));
    await ok(api(adele, 'PUT', `${team}/shares/${ids.alexShare}/my-vote`, { helpful: true }));
    await service.services.sharing.settled();

    await ok(api(megan, 'POST', '/me/goals', { what: MEGAN_WORDS.goal, targetDate: inAYear() }));
    // Nudged by Alex, and (as a lead) nudging Adele.
    await ok(
      api(alex, 'POST', `${team}/members/${encodeURIComponent(megan.userId)}/nudges`, { note: 'How is the accessibility course going?' }),
    );
    const meganNudge = (await (
      await ok(api(megan, 'POST', `${team}/members/${encodeURIComponent(adele.userId)}/nudges`, { note: 'Anything I can help with?' }))
    ).json()) as { nudge: { nudgeId: string } };
    // Adele asks her for help: a follow-up of Megan's, which she closes as its lead (it stays Adele's, without Megan's name).
    await post(
      cardActionActivity(NUDGE_REPLY_VERB, { teamId: DEMO_TEAM.id, nudgeId: meganNudge.nudge.nudgeId, answer: 'need-help' }, from(adele)),
    );
    await ok(api(megan, 'POST', `${team}/follow-ups/${meganNudge.nudge.nudgeId}/close`, { note: 'We talked it through' }));
    // And she asks Alex, her own lead, to talk: a follow-up about her, which goes with her.
    const alexNudges = (await (await ok(api(alex, 'GET', `${team}/nudges`))).json()) as {
      nudges: { nudgeId: string; learnerId: string }[];
    };
    const toMegan = alexNudges.nudges.find((n) => n.learnerId === megan.userId)!;
    await post(cardActionActivity(NUDGE_REPLY_VERB, { teamId: DEMO_TEAM.id, nudgeId: toMegan.nudgeId, answer: 'lets-talk' }, from(megan)));
    // Coached by Alex on her share, and coaching Adele on hers.
    ids.adeleShare = (await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id)).find(
      (s) => s.sharerId === adele.userId && !s.withdrawnAt,
    )!.shareId;
    const coached = (await (
      await ok(api(alex, 'POST', `${team}/shares/${ids.meganShare}/coaching`, { note: 'Could you show this at the retro?' }))
    ).json()) as { note: { noteId: string } };
    // She answers in her personal chat.
    await post(cardActionActivity('coaching.answer', { noteId: coached.note.noteId, answer: MEGAN_WORDS.coachingAnswer }, from(megan)));
    await ok(api(megan, 'POST', `${team}/shares/${ids.adeleShare}/coaching`, { note: 'Lovely find.' }));
    // On her 1:1 list with Alex, and (as a lead) on one with Adele; Alex's list with Adele is not hers.
    const oneToOne = (lead: DemoPerson, member: DemoPerson) =>
      `${team}/one-to-ones/${encodeURIComponent(lead.userId)}/${encodeURIComponent(member.userId)}/items`;
    await ok(api(megan, 'POST', oneToOne(alex, megan), { topic: MEGAN_WORDS.oneToOneTopic }));
    await ok(api(megan, 'POST', oneToOne(megan, adele), { topic: 'Your portfolio review' }));
    await ok(api(adele, 'POST', oneToOne(alex, adele), { topic: 'Mentoring a new joiner' }));
    // Recommended to, recommending, and marking a team recommendation done.
    await ok(
      api(alex, 'POST', `${team}/recommendations`, {
        title: 'Just for Megan',
        link: 'https://example.com/for-megan',
        learnerId: megan.userId,
      }),
    );
    const teamRec = (await (
      await ok(api(alex, 'POST', `${team}/recommendations`, { title: 'For everyone', link: 'https://example.com/all' }))
    ).json()) as { recommendation: { recId: string } };
    ids.teamRec = teamRec.recommendation.recId;
    await ok(api(megan, 'POST', `${team}/recommendations`, { title: 'Megan recommends', link: 'https://example.com/megan-recommends' }));
    await ok(api(megan, 'PUT', `/me/recommendations/${encodeURIComponent(DEMO_TEAM.id)}/${ids.teamRec}`, { done: true }));
    // A lead's weekly digest went to her; she is an L&D admin, named by Patti, and named Isaiah.
    await service.stores.digests.claim(DEMO_TENANT_ID, DEMO_TEAM.id, megan.userId, '2026-W48', now.toISOString());
    const digest = { tenantId: DEMO_TENANT_ID, userId: megan.userId, teamId: DEMO_TEAM.id, cycle: digestCycle('2026-W49', DEMO_TEAM.id) };
    await service.stores.sends.createIfAbsent({ ...digest, kind: 'digest', dueAt: now.toISOString() });
    await service.stores.admins.add(DEMO_TENANT_ID, megan.userId, patti.userId, now.toISOString());
    await service.stores.admins.add(DEMO_TENANT_ID, isaiah.userId, megan.userId, now.toISOString());
    // A check-in of hers waits in the send queue.
    await service.queues.sends.send({
      kind: 'checkin',
      tenantId: DEMO_TENANT_ID,
      userId: megan.userId,
      cycle: '2099-W02',
      teamId: DEMO_TEAM.id,
    });
    // A check-in to her failed too often and was parked, naming her.
    await service.queues.poison.send({
      kind: 'checkin',
      tenantId: DEMO_TENANT_ID,
      userId: megan.userId,
      cycle: '2099-W01',
      teamId: DEMO_TEAM.id,
      reason: `Teams refused the conversation with ${megan.teamsUserId}`,
    });
    // Some of her statements already reached the LRS: what stays here of a sent one still names her.
    const claimed = await service.stores.xapiOutbox.claimDue(DEMO_TENANT_ID, new Date(), 100, 60);
    const sent = claimed.filter((_r, i) => i % 2 === 0);
    expect(sent.some((r) => r.actorId === megan.userId) && claimed.some((r, i) => i % 2 === 1 && r.actorId === megan.userId)).toBe(true);
    await service.stores.xapiOutbox.markSent(DEMO_TENANT_ID, sent, new Date().toISOString());
    // The organisation's figures were computed while she led: her lead lines name her.
    await service.orgFigures.runTenant(DEMO_TENANT_ID);
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it('starts with her in every table (the lease, anonymous aggregate and LRS settings tables hold nobody)', async () => {
    const held = new Set((await tracesOf(tables, MEGAN_TRACES)).map((t) => t.split(':')[0]));
    const everyTable = (Object.keys(TABLES) as TableName[]).filter((t) => t !== 'leases' && t !== 'aggregates' && t !== 'lrs');
    expect([...held].sort()).toEqual(everyTable.sort());
  });

  it('starts with her words and ids across the account: in others’ statements for the LRS, and in the parked sends', async () => {
    const found = await storageTracesOf(service.config.storage, [...MEGAN_TRACES, ...Object.values(MEGAN_WORDS)]);
    for (const words of Object.values(MEGAN_WORDS)) expect(found.some((f) => f.endsWith(` holds ${words.toLowerCase()}`))).toBe(true);
    expect(found.some((f) => f.startsWith(`queue ${service.config.storage.tablePrefix.toLowerCase()}-sends-poison `))).toBe(true);
    // Alex's and Adele's ratings of her share wait for the LRS carrying its title and link, or went (a sent row keeps
    // who it names, not the statement).
    const othersOfHers: string[] = [];
    for (const table of [tables.xapiOutbox, tables.xapiSent])
      for await (const row of table.listEntities<{ actorId?: string; authorId?: string; statement?: string }>()) {
        if (row.authorId !== megan.userId || row.actorId === megan.userId) continue;
        othersOfHers.push(row.actorId ?? '');
        if (row.statement !== undefined) expect(row.statement).toContain(MEGAN_WORDS.shareLink);
      }
    expect(othersOfHers.sort()).toEqual([adele.userId, alex.userId].sort());
  });

  it('refuses anything but the typed phrase, names the phrase, and deletes nothing', async () => {
    const before = await snapshotTables(tables);
    for (const body of [
      { confirm: 'erase my date' },
      {},
      { confirm: 'erase my data', also: 1 },
      { confirm: ['erase my data'] },
      undefined,
    ]) {
      const res = await api(megan, 'DELETE', '/me', body);
      expect(res.status).toBe(400);
      const problem = await problemOf(res);
      expect(problem.code).toBe('confirmation_required');
      expect(problem.detail).toContain('"erase my data"');
      expect(problem.detail).toContain('Nothing was deleted');
    }
    expect(tableChanges(before, await snapshotTables(tables))).toEqual({ created: [], deleted: [], changed: [] });
  });

  it('erases her from every table: no key or property anywhere holds her id, her Teams id or her name', async () => {
    const alexTallyBefore = (await service.stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, ids.alexShare))!.share.tally;
    const othersEntries = await Promise.all([alex, adele, isaiah].map((p) => service.stores.entries.listAll(DEMO_TENANT_ID, p.userId)));
    const meganCard = (await service.stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, ids.meganShare))!.share.activityId!;
    const updatesBefore = connector.updated.length;

    const res = await api(megan, 'DELETE', '/me', { confirm: 'Erase my data' });
    expect(res.status).toBe(204);
    expect(await tracesOf(tables, MEGAN_TRACES)).toEqual([]);

    // Her share's card in the channel now says it was removed, and names nobody.
    const removed = connector.updated.slice(updatesBefore).filter((u) => u.activityId === meganCard);
    expect(removed).toHaveLength(1);
    const card = expectValidTeamsCard(removed[0]!.activity.attachments?.[0]?.content);
    expect(card.renderedText).toContain('Learning share removed');
    expect(card.renderedText).not.toContain('Megan');

    // Others' counters are recounted without her marks, and every share's counters match its marks.
    const alexShare = (await service.stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, ids.alexShare))!.share;
    expect(alexShare.tally).toEqual({
      ...alexTallyBefore,
      helpful: alexTallyBefore.helpful - 1,
      saves: alexTallyBefore.saves - 1,
      ratingSum: alexTallyBefore.ratingSum - 5,
      ratingCount: alexTallyBefore.ratingCount - 1,
    });
    for (const share of await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id)) {
      expect(share.tally).toEqual(tallyOf(await service.stores.shares.listShareVotes(DEMO_TENANT_ID, DEMO_TEAM.id, share.shareId)));
    }
    // The channel's card for Alex's share shows the new counts.
    const alexCard = connector.updated.filter((u) => u.activityId === alexShare.activityId).at(-1);
    expect(expectValidTeamsCard(alexCard?.activity.attachments?.[0]?.content).renderedText).toContain('1 found this helpful');
    // Alex's saved list lost her share with it.
    expect((await service.stores.shares.listSaved(DEMO_TENANT_ID, alex.userId)).map((s) => s.shareId)).not.toContain(ids.meganShare);

    // What belongs to others stays, without her: her nudge to Adele, her coaching note, her recommendation, the admin she named, the team's schedule.
    // (The demo's nudge from Alex to Isaiah, whose follow-up still waits, is no business of hers.)
    const nudges = await service.stores.nudges.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id, 100);
    expect(nudges.filter((n) => n.leadId !== alex.userId).map((n) => [n.learnerId, n.leadId, n.leadName, n.note])).toEqual([
      [adele.userId, ERASED_PERSON.id, ERASED_PERSON.name, 'Anything I can help with?'],
    ]);
    expect(nudges.filter((n) => n.leadId === alex.userId).map((n) => n.learnerId)).not.toContain(megan.userId);
    // Adele's follow-up, opened by her answer to Megan's nudge and closed by Megan, stays Adele's: closed, its note kept, by nobody named.
    const followUps = await Promise.all(
      (['open', 'closed'] as const).map((status) => service.stores.followUps.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id, status, 100)),
    );
    expect(followUps.flat().filter((f) => f.learnerId === megan.userId)).toEqual([]);
    expect(followUps[1]!.filter((f) => f.learnerId === adele.userId).map((f) => [f.nudgedBy, f.closed?.by, f.closed?.note])).toEqual([
      [
        { userId: ERASED_PERSON.id, displayName: ERASED_PERSON.name },
        { userId: ERASED_PERSON.id, displayName: ERASED_PERSON.name },
        'We talked it through',
      ],
    ]);
    expect((await service.stores.coaching.listForLearner(DEMO_TENANT_ID, adele.userId)).map((c) => [c.leadId, c.leadName, c.note])).toEqual(
      [[ERASED_PERSON.id, ERASED_PERSON.name, 'Lovely find.']],
    );
    expect((await service.stores.recommendations.listTeam(DEMO_TENANT_ID, DEMO_TEAM.id)).map((r) => [r.title, r.leadName]).sort()).toEqual([
      ['For everyone', alex.displayName],
      ['Megan recommends', ERASED_PERSON.name],
    ]);
    expect(await service.stores.admins.isAdmin(DEMO_TENANT_ID, isaiah.userId)).toBe(true);
    // A 1:1 list is the pair's: the one she led goes with her, Alex's with Adele stays.
    expect((await service.stores.oneToOne.listForMember(DEMO_TENANT_ID, adele.userId)).map((i) => [i.pair.leadId, i.item.text])).toEqual([
      [alex.userId, 'Mentoring a new joiner'],
    ]);
    const settings = await service.stores.teams.getSettings(DEMO_TENANT_ID, DEMO_TEAM.id);
    expect(settings).toMatchObject({
      updatedBy: null,
      sharesChannelId: DEMO_SHARES_CHANNEL,
      schedule: expect.objectContaining({ weekday: 5 }),
    });
    // Nobody else's learning is touched.
    expect(await Promise.all([alex, adele, isaiah].map((p) => service.stores.entries.listAll(DEMO_TENANT_ID, p.userId)))).toEqual(
      othersEntries,
    );
    expect((await service.stores.teams.listMembers(DEMO_TENANT_ID, DEMO_TEAM.id)).map((m) => m.userId).sort()).toEqual(
      DEMO_PEOPLE.filter((p) => p !== megan)
        .map((p) => p.userId)
        .sort(),
    );
  }, 60_000);

  it('keeps the audit trail’s events about her under one pseudonym, and records the erasure under it alone', async () => {
    const events = [];
    for await (const e of service.stores.auditTrail.stream(DEMO_TENANT_ID, {})) events.push(e);
    const [erased, ...earlier] = events;
    expect(erased).toMatchObject({ kind: 'data_erased', actor: { userId: expect.stringMatching(/^erased-/) } });
    expect(erased!.subject).toBeUndefined();
    const pseudonym = erased!.actor;
    const views = earlier.filter((e) => e.kind === 'member_entries_viewed');
    expect(views.map((e) => [e.actor, e.subject])).toEqual([
      [{ userId: alex.userId, displayName: alex.displayName }, pseudonym],
      [pseudonym, { userId: adele.userId, displayName: adele.displayName }],
    ]);
  });

  it('leaves nothing for the jobs to bring back: her queued check-in is dropped unsent', async () => {
    const sentBefore = connector.sent.length;
    await service.worker.drainOnce();
    expect(connector.sent.slice(sentBefore).filter((s) => s.conversationId.includes(megan.userId))).toEqual([]);
    expect(await service.queues.sends.receive(32, 1)).toEqual([]);
    expect(await tracesOf(tables, MEGAN_TRACES)).toEqual([]);
  });

  it('leaves nothing of her in any table or queue of the storage account: not her ids, not a word she wrote', async () => {
    expect(await storageTracesOf(service.config.storage, [...MEGAN_TRACES, ...Object.values(MEGAN_WORDS)])).toEqual([]);
  });

  it('keeps the team’s channel working through its reference, now without her', async () => {
    const posted = connector.sent.length;
    const shareId = await shareCheckIn(alex, 'alex-share-00002', 'After the erasure');
    expect(connector.sent.slice(posted).filter((s) => s.conversationId === DEMO_SHARES_CHANNEL)).toHaveLength(1);
    expect((await service.stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, shareId))?.share.activityId).toBeTruthy();
  });

  it('answers a second erasure with 204 and changes nothing', async () => {
    const before = await snapshotTables(tables);
    const res = await api(megan, 'DELETE', '/me', { confirm: 'erase my data' });
    expect(res.status).toBe(204);
    expect(tableChanges(before, await snapshotTables(tables))).toEqual({ created: [], deleted: [], changed: [] });
  });

  it('finishes an erasure that stopped half way when run again', async () => {
    // Adele has shares others marked, marks, goals and entries; her erasure fails after her shares are gone.
    await ok(api(adele, 'POST', '/me/goals', { what: 'Learn to facilitate a workshop', targetDate: inAYear() }));
    const original = service.stores.shares.removePerson.bind(service.stores.shares);
    service.stores.shares.removePerson = async () => {
      throw new Error('storage went away');
    };
    try {
      expect((await api(adele, 'DELETE', '/me', { confirm: 'erase my data' })).status).toBeGreaterThanOrEqual(500);
    } finally {
      service.stores.shares.removePerson = original;
    }
    expect((await tracesOf(tables, [adele.userId])).length).toBeGreaterThan(0);
    expect((await api(adele, 'DELETE', '/me', { confirm: 'erase my data' })).status).toBe(204);
    expect(await tracesOf(tables, [adele.userId, adele.teamsUserId, adele.displayName])).toEqual([]);
    for (const share of await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id)) {
      expect(share.tally).toEqual(tallyOf(await service.stores.shares.listShareVotes(DEMO_TENANT_ID, DEMO_TEAM.id, share.shareId)));
    }
  }, 60_000);
});
