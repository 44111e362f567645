import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import {
  cardActionActivity,
  inTeamChannel,
  installActivity,
  membersAddedActivity,
  membersRemovedActivity,
} from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { fieldsOf, problemOf } from '../support/problem.js';

const team = { id: '19:product-design@thread.tacv2', name: 'Product Design' };
const account = (i: number) => ({
  id: DEMO_PEOPLE[i]!.teamsUserId,
  aadObjectId: DEMO_PEOPLE[i]!.userId,
  name: DEMO_PEOPLE[i]!.displayName,
});
const [alex, megan] = [account(0), account(1)];
/** A new team Alex sets up after L&D chose its starting cadence. */
const newTeam = { id: '19:new-team@thread.tacv2', name: 'New Team' };
/** A team Megan adds the app to, though only Alex owns it. */
const ownedTeam = { id: '19:owned-by-alex@thread.tacv2', name: 'Owned Team' };

describe('installing in a team and setting up check-ins (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector({
      [team.id]: {
        members: [alex, megan, account(2), account(3), account(4)],
        channels: [{ id: team.id }, { id: '19:shares@thread.tacv2', name: 'Learning shares' }],
      },
      [newTeam.id]: { members: [alex, megan], channels: [{ id: newTeam.id }] },
      [ownedTeam.id]: {
        members: [
          { ...megan, userRole: 'user' },
          { ...alex, userRole: 'owner' },
          { ...account(2), userRole: 'user' },
          { ...account(3), userRole: 'user' },
        ],
        channels: [{ id: ownedTeam.id }],
      },
    });
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const post = async (activity: unknown) => {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as { value?: unknown }) : {} };
  };
  const from = (who: typeof alex) => ({ serviceUrl: connector.serviceUrl, from: who });
  const defaults = {
    cadence: 'weekly',
    weekday: '5',
    localTime: '16:00',
    timeZone: 'Europe/London',
    reminderAfterHours: '24',
    sharesChannelId: '19:shares@thread.tacv2',
  };
  const submitSetup = (who: typeof alex, values: Record<string, string>) =>
    post(inTeamChannel(cardActionActivity('team.setup.submit', values, from(who)), team));

  it('welcomes the team once, makes the installer lead and reads the whole roster', async () => {
    await post(inTeamChannel(installActivity(from(alex)), team));
    await post(
      inTeamChannel(membersAddedActivity([{ id: '28:learning-loop', aadObjectId: 'bot', name: 'Learning Loop' }], from(alex)), team),
    );
    const welcomes = connector.sent.filter((s) => JSON.stringify(s.activity).includes('Set up check-ins'));
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0]!.conversationId).toBe(team.id);
    expectValidTeamsCard(welcomes[0]!.activity.attachments?.[0]?.content);
    const members = await service.stores.teams.listMembers(DEMO_TENANT_ID, team.id);
    expect(members).toHaveLength(5);
    expect(members.filter((m) => m.role === 'lead').map((m) => m.displayName)).toEqual(['Alex Wilber']);
  });

  it('keeps the roster current as people join and leave', async () => {
    const newcomer = { id: '29:new', aadObjectId: 'new-person', name: 'New Person' };
    await post(inTeamChannel(membersAddedActivity([newcomer], from(alex)), team));
    await post(inTeamChannel(membersRemovedActivity([account(4)], from(alex)), team));
    const ids = (await service.stores.teams.listMembers(DEMO_TENANT_ID, team.id)).map((m) => m.userId);
    expect(ids).toContain('new-person');
    expect(ids).not.toContain(DEMO_PEOPLE[4]!.userId);
  });

  it('introduces each member personally, once, including newcomers', async () => {
    const hellos = () => {
      const perPerson = new Map<string, number>();
      for (const s of connector.sent.filter((s) => JSON.stringify(s.activity).includes('I’m Learning Loop'))) {
        perPerson.set(s.conversationId, (perPerson.get(s.conversationId) ?? 0) + 1);
      }
      return perPerson;
    };
    while ((await service.worker.drainOnce()) > 0);
    // Four of the first roster and the newcomer; the one who left before the hello went out was not messaged.
    expect([...hellos().keys()].sort()).toEqual(['a:personal-29:new', ...[0, 1, 2, 3].map((i) => `a:personal-${account(i).id}`)].sort());
    // Installing again re-reads the roster from Teams: the one who left is back and now gets a hello;
    // nobody gets a second one.
    await post(inTeamChannel(installActivity(from(alex)), team));
    while ((await service.worker.drainOnce()) > 0);
    expect(hellos().get(`a:personal-${account(4).id}`)).toBe(1);
    expect([...hellos().values()].every((n) => n === 1)).toBe(true);
  });

  it('lets the lead set up check-ins on the card, confirming in place', async () => {
    const open = await post(inTeamChannel(cardActionActivity('team.setup.open', {}, from(alex)), team));
    const form = expectValidTeamsCard(open.body.value);
    expect(form.inputIds).toContain('sharesChannelId');
    expect(form.renderedHtml).toContain('Learning shares');

    const bad = await submitSetup(alex, { ...defaults, timeZone: 'Not/AZone' });
    const badCard = expectValidTeamsCard(bad.body.value);
    expect(badCard.renderedText).toContain('Choose a time zone such as Europe/London');
    const foreignChannel = await submitSetup(alex, { ...defaults, sharesChannelId: '19:someone-elses@thread.tacv2' });
    expect(expectValidTeamsCard(foreignChannel.body.value).renderedText).toContain('Choose one of this team’s channels');
    expect(badCard.inputValues).toMatchObject({ localTime: '16:00', timeZone: 'Not/AZone' });
    expect((await service.stores.teams.getSettings(DEMO_TENANT_ID, team.id))?.schedule).toBeNull();

    const good = await submitSetup(alex, { ...defaults, cadence: 'biweekly', weekday: '3', localTime: '10:00', timeZone: 'Europe/Berlin' });
    const saved = expectValidTeamsCard(good.body.value);
    expect(saved.renderedText).toContain('Every other Wednesday at 10:00');
    expect(saved.renderedText).toContain('Learning shares');
    const settings = await service.stores.teams.getSettings(DEMO_TENANT_ID, team.id);
    expect(settings?.schedule).toMatchObject({ cadence: 'biweekly', weekday: 3, localTime: '10:00', timeZone: 'Europe/Berlin' });
    expect(settings?.sharesChannelId).toBe('19:shares@thread.tacv2');
  });

  it('starts a new team’s setup card from the check-in cadence L&D set, and a set-up team from its own', async () => {
    await service.stores.ldSettings.save(
      DEMO_TENANT_ID,
      { followUpDays: 7, defaultCadence: 'biweekly', flagResponseBelow: 50 },
      new Date().toISOString(),
    );
    try {
      await post(inTeamChannel(installActivity(from(alex)), newTeam));
      const fresh = await post(inTeamChannel(cardActionActivity('team.setup.open', {}, from(alex)), newTeam));
      expect(expectValidTeamsCard(fresh.body.value).inputValues).toMatchObject({ cadence: 'biweekly' });
      // Product Design chose every week: its card shows its own choice.
      const setUp = await post(inTeamChannel(cardActionActivity('team.setup.open', {}, from(alex)), team));
      expect((await service.stores.teams.getSettings(DEMO_TENANT_ID, team.id))?.schedule).not.toBeNull();
      expect(expectValidTeamsCard(setUp.body.value).inputValues.cadence).toBe(
        (await service.stores.teams.getSettings(DEMO_TENANT_ID, team.id))?.schedule?.cadence,
      );
    } finally {
      await service.stores.ldSettings.save(
        DEMO_TENANT_ID,
        { followUpDays: 7, defaultCadence: 'weekly', flagResponseBelow: 50 },
        new Date().toISOString(),
      );
    }
  });

  it('keeps the team’s channels as Teams lists them and tells of changes, and checks the API’s shares channel against them', async () => {
    const channelEvent = (eventType: string, channel: { id: string; name: string }) => {
      const activity = inTeamChannel(membersAddedActivity([], from(alex)), team);
      return { ...activity, channelData: { ...activity.channelData, eventType, channel } };
    };
    const stored = () => service.stores.teams.listChannels(DEMO_TENANT_ID, team.id);
    // Read from Teams at install and on the setup card.
    expect(await stored()).toEqual([
      { id: team.id, name: 'General' },
      { id: '19:shares@thread.tacv2', name: 'Learning shares' },
    ]);
    await post(channelEvent('channelCreated', { id: '19:book-club@thread.tacv2', name: 'Book club' }));
    await post(channelEvent('channelRenamed', { id: '19:shares@thread.tacv2', name: 'Shares and tips' }));
    expect(await stored()).toEqual([
      { id: '19:book-club@thread.tacv2', name: 'Book club' },
      { id: team.id, name: 'General' },
      { id: '19:shares@thread.tacv2', name: 'Shares and tips' },
    ]);

    const putSettings = (sharesChannelId: string) =>
      fetch(`${service.baseUrl}/api/v1/teams/${encodeURIComponent(team.id)}/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': alex.aadObjectId },
        body: JSON.stringify({ ...defaults, weekday: 2, reminderAfterHours: 24, sharesChannelId }),
      });
    expect((await putSettings('19:book-club@thread.tacv2')).status).toBe(200);
    await post(channelEvent('channelDeleted', { id: '19:book-club@thread.tacv2', name: 'Book club' }));
    const gone = await putSettings('19:somewhere-else@thread.tacv2');
    expect(gone.status).toBe(400);
    expect(fieldsOf(await problemOf(gone))).toEqual(['sharesChannelId']);
    expect((await putSettings('19:shares@thread.tacv2')).status).toBe(200);
    expect((await putSettings('19:book-club@thread.tacv2')).status).toBe(400);
  });

  it('refuses a member who is not a lead, changing nothing', async () => {
    const before = await service.stores.teams.getSettings(DEMO_TENANT_ID, team.id);
    const res = await submitSetup(megan, { ...defaults, weekday: '1', localTime: '08:00', sharesChannelId: team.id });
    expect(expectValidTeamsCard(res.body.value).renderedText).toContain('Only the team’s leads');
    expect(await service.stores.teams.getSettings(DEMO_TENANT_ID, team.id)).toEqual(before);
  });

  describe('a team whose installer does not own it', () => {
    const inOwned = <T extends { conversation: object; channelData: object }>(activity: T) => inTeamChannel(activity, ownedTeam);
    const openSetup = async (who: typeof alex) =>
      expectValidTeamsCard((await post(inOwned(cardActionActivity('team.setup.open', {}, from(who))))).body.value);
    const leadsOf = async () =>
      (await service.stores.teams.listMembers(DEMO_TENANT_ID, ownedTeam.id)).filter((m) => m.role === 'lead').map((m) => m.displayName);
    /** The notices of a new lead delivered so far, by personal chat. */
    const notices = (leadName: string) =>
      connector.sent
        .filter((s) => JSON.stringify(s.activity).includes(`${leadName} is now a lead of ${ownedTeam.name}`))
        .map((s) => s.conversationId);

    it('has no lead and says an owner must set it up; the installer cannot, the owner who opens setup becomes its lead', async () => {
      await post(inOwned(installActivity(from(megan))));
      const welcome = connector.sent.filter(
        (s) => s.conversationId === ownedTeam.id && JSON.stringify(s.activity).includes('Set up check-ins'),
      );
      expect(welcome).toHaveLength(1);
      expect(expectValidTeamsCard(welcome[0]!.activity.attachments?.[0]?.content).renderedText).toContain(
        'an owner of the team must set it up',
      );
      expect(await leadsOf()).toEqual([]);
      expect((await service.stores.teams.getMember(DEMO_TENANT_ID, ownedTeam.id, alex.aadObjectId))?.owner).toBe(true);

      expect((await openSetup(megan)).renderedText).toContain('an owner of the team must set it up first');
      expect(await leadsOf()).toEqual([]);
      expect((await openSetup(alex)).inputIds).toContain('sharesChannelId');
      expect(await leadsOf()).toEqual(['Alex Wilber']);
      // Once it has a lead, the installer is still refused.
      expect((await openSetup(megan)).renderedText).toContain('Only the team’s leads');
    });

    it('tells every other member in their personal chat, once, when someone becomes a lead; not the new lead', async () => {
      while ((await service.worker.drainOnce()) > 0);
      const others = [megan, account(2), account(3)].map((p) => `a:personal-${p.id}`).sort();
      expect(notices('Alex Wilber').sort()).toEqual(others);
      const card = connector.sent.find((s) => s.conversationId === others[0] && JSON.stringify(s.activity).includes('is now a lead'));
      expect(expectValidTeamsCard(card?.activity.attachments?.[0]?.content).renderedText).toContain(
        'can see the entries you mark “My team’s leads” that you write while you are in it (since',
      );

      // The owner names Megan a lead through the tab: Alex and the other two members each hear of it once; Megan does not.
      const res = await fetch(
        `${service.baseUrl}/api/v1/teams/${encodeURIComponent(ownedTeam.id)}/members/${encodeURIComponent(megan.aadObjectId)}/role`,
        {
          method: 'PUT',
          headers: { 'x-local-tenant-id': DEMO_TENANT_ID, 'x-local-user-id': alex.aadObjectId, 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'lead' }),
        },
      );
      expect(res.status).toBe(200);
      while ((await service.worker.drainOnce()) > 0);
      expect(notices('Megan Bowen').sort()).toEqual([alex, account(2), account(3)].map((p) => `a:personal-${p.id}`).sort());
      expect(notices('Alex Wilber')).toHaveLength(3);
    });
  });
});
