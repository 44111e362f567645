import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { weekKeyOf } from '../domain/member-rollup.js';
import type { RollupService } from '../services/rollup-service.js';
import type { EntryStore } from '../store/entry-store.js';
import type { SendStore } from '../store/send-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { ShareAskStore } from '../store/share-ask-store.js';
import { seedDemoSharePrompts } from './seed-demo-share-prompts.js';
import { demoActionAnswer, demoHistory, type DemoEntry } from './demo-history.js';
import { DEMO_SHARES_CHANNEL, seedDemoShares } from './seed-demo-shares.js';
import { seedDemoFollowUps } from './seed-demo-follow-ups.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { FollowUpStore } from '../store/follow-up-store.js';
import type { LdSettingsStore } from '../store/ld-settings-store.js';
import { seedDemoLdSettings } from './seed-demo-ld-settings.js';
import { seedDemoBehindReminder } from './seed-demo-behind.js';
import type { DueIndexStore } from '../store/due-index-store.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID, type DemoPerson } from './demo-team.js';

export interface SeedResult {
  seeded: boolean;
  people: number;
  entries: number;
}

export interface SeedDeps {
  stores: {
    users: UserStore;
    entries: EntryStore;
    teams: TeamStore;
    sends: SendStore;
    shares: ShareStore;
    nudges: NudgeStore;
    followUps: FollowUpStore;
    shareAsks: ShareAskStore;
    ldSettings: LdSettingsStore;
    dueIndex: DueIndexStore;
  };
  rollups: RollupService;
  now: Date;
}

const HISTORY_WEEKS = 8;
const TEAM_ZONE = 'Europe/London';

/**
 * Fills an empty local store with the demo team (Alex leads it, checking in on Fridays at
 * 16:00), eight weeks of learning and of answered and unanswered check-ins, results of some
 * planned actions while others still await one, and the team's dashboard rollups. A store that already knows the demo lead is left alone, and every write
 * is idempotent, so an interrupted seed simply completes on the next start.
 */
export async function seedDemoData({ stores, rollups, now }: SeedDeps): Promise<SeedResult> {
  const lead = DEMO_PEOPLE[0]!;
  // A store seeded before the demo had a team gets the team, its check-ins and rollups added.
  const [seededLead, seededTeam] = await Promise.all([
    stores.users.get(DEMO_TENANT_ID, lead.userId),
    stores.teams.getSettings(DEMO_TENANT_ID, DEMO_TEAM.id),
  ]);
  if (seededLead && seededTeam) {
    // A store seeded before the demo had shares (or follow-ups) gets them added.
    await seedDemoShares(stores, now);
    await seedDemoSharePrompts(stores, now);
    await seedDemoFollowUps(stores, now);
    await seedDemoLdSettings(stores, now);
    await seedDemoBehindReminder(stores, now);
    return { seeded: false, people: 0, entries: 0 };
  }

  await seedTeam(stores.teams, now);
  const history = demoHistory(DEMO_PEOPLE, now, HISTORY_WEEKS);
  for (const { person, entry, createdAt, submissionId } of history) {
    // Results recorded (and some dropped), others still awaited: the follow-through figures have something to count.
    const answered = demoActionAnswer(submissionId, entry.action, createdAt, now);
    const saved = await stores.entries.addOnce(
      {
        ...entry,
        result: answered?.result ?? null,
        ...(answered ? { actionAnswer: { answer: answered.answer, at: answered.at } } : {}),
        id: stableId(submissionId),
        tenantId: DEMO_TENANT_ID,
        userId: person.userId,
        createdAt: createdAt.toISOString(),
      },
      submissionId,
    );
    await rollups.entryChanged({ tenantId: DEMO_TENANT_ID, userId: person.userId }, saved.entry.createdAt);
  }
  for (const person of DEMO_PEOPLE) await seedCheckIns(stores.sends, rollups, person, history, now);
  await seedDemoShares(stores, now);
  await seedDemoSharePrompts(stores, now);
  await seedDemoFollowUps(stores, now);
  await seedDemoLdSettings(stores, now);
  await seedDemoBehindReminder(stores, now);
  // The lead goes last: their presence is what marks the seed as complete.
  for (const person of [...DEMO_PEOPLE].reverse()) {
    await stores.users.upsert({
      tenantId: DEMO_TENANT_ID,
      userId: person.userId,
      displayName: person.displayName,
      teamsUserId: person.teamsUserId,
      timeZone: person.timeZone,
      updatedAt: now.toISOString(),
    });
  }
  return { seeded: true, people: DEMO_PEOPLE.length, entries: history.length };
}

async function seedTeam(teams: TeamStore, now: Date): Promise<void> {
  const anchorMonday = DateTime.fromJSDate(now, { zone: TEAM_ZONE }).minus({ weeks: HISTORY_WEEKS }).startOf('week').toISODate() ?? '';
  await teams.createSettingsIfAbsent({
    tenantId: DEMO_TENANT_ID,
    teamId: DEMO_TEAM.id,
    name: DEMO_TEAM.name,
    schedule: { cadence: 'weekly', weekday: 5, localTime: '16:00', timeZone: TEAM_ZONE, reminderAfterHours: 24, anchorMonday },
    sharesChannelId: DEMO_SHARES_CHANNEL,
    updatedBy: DEMO_PEOPLE[0]!.userId,
    updatedAt: now.toISOString(),
  });
  // The team's channels, as the bot keeps them when it is installed.
  await teams.replaceChannels(DEMO_TENANT_ID, DEMO_TEAM.id, [
    { id: DEMO_TEAM.id, name: 'General' },
    { id: DEMO_SHARES_CHANNEL, name: 'Learning shares' },
  ]);
  const joinedAt =
    DateTime.fromJSDate(now)
      .minus({ weeks: HISTORY_WEEKS + 1 })
      .toUTC()
      .toISO() ?? now.toISOString();
  for (const person of DEMO_PEOPLE) {
    await teams.upsertMember({
      tenantId: DEMO_TENANT_ID,
      teamId: DEMO_TEAM.id,
      userId: person.userId,
      teamsUserId: person.teamsUserId,
      displayName: person.displayName,
      role: person.role,
      joinedAt,
    });
  }
}

/**
 * Lynne has left her last three check-ins unanswered (whatever she logged in the tab), so the
 * dashboard always has someone who needs a follow-up: two closed cycles without an answer, even
 * while the newest may still be answered. Who else is flagged depends on the week the demo starts.
 */
const UNANSWERED_LATELY = { userId: DEMO_PEOPLE[5]!.userId, weeks: 3 };

/**
 * A Friday check-in for each past week: answered with learning when the person logged some
 * that week, otherwise sometimes "nothing this week" and sometimes no answer at all.
 */
async function seedCheckIns(sends: SendStore, rollups: RollupService, person: DemoPerson, history: DemoEntry[], now: Date): Promise<void> {
  const learner = { tenantId: DEMO_TENANT_ID, userId: person.userId };
  for (let week = HISTORY_WEEKS; week >= 1; week--) {
    const due = DateTime.fromJSDate(now, { zone: person.timeZone }).minus({ weeks: week }).startOf('week').set({ weekday: 5, hour: 16 });
    const cycle = weekKeyOf(due.toJSDate(), person.timeZone);
    const logged = history
      .filter((h) => h.person.userId === person.userId && weekKeyOf(h.createdAt, person.timeZone) === cycle)
      .map((h) => h.createdAt.toISOString())
      .sort();
    const unanswered = person.userId === UNANSWERED_LATELY.userId && week <= UNANSWERED_LATELY.weeks;
    const answeredNothing = !logged.length && hashOf(`${person.userId}-${cycle}`) % 2 === 0;
    await sends.createIfAbsent({ ...learner, cycle, kind: 'checkin', teamId: DEMO_TEAM.id, dueAt: due.toUTC().toISO() ?? '' });
    const record = await sends.get(DEMO_TENANT_ID, person.userId, cycle, 'checkin');
    if (!record) continue;
    const respondedAt = unanswered ? undefined : (logged[0] ?? (answeredNothing ? due.plus({ hours: 2 }).toUTC().toISO() : undefined));
    await sends.update(record, {
      status: 'sent',
      sentAt: due.toUTC().toISO() ?? '',
      ...(respondedAt ? { respondedAt, answer: logged.length ? 'entry' : 'nothing' } : {}),
    });
    await rollups.checkInChanged(learner, cycle, DEMO_TEAM.id);
  }
}

function hashOf(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0);
}

function stableId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
