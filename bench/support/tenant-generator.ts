import { DateTime } from 'luxon';
import type { LearningEntry } from '../../bot/contract/learning-entry.js';
import { SOURCE_TYPES } from '../../bot/contract/learning-entry.js';
import type { EntryVisibility } from '../../bot/contract/entry-visibility.js';
import type { Goal, GoalProgress } from '../../bot/contract/goal-rules.js';
import type { Nudge, NudgeAnswer } from '../../bot/contract/nudge-rules.js';
import type { TeamSettings } from '../../bot/contract/team-settings.js';
import { isOpen } from '../../bot/domain/goal.js';
import { ROLLUP_KEEP_WEEKS, goalFlagsOf, rollupFromRaw, weekKeyOf, type CheckInState } from '../../bot/domain/member-rollup.js';
import { normalizeLink, resourceKeyOf } from '../../bot/domain/resource-link.js';
import { tallyOf, type Share, type ShareVote } from '../../bot/domain/share.js';
import { storesOver } from '../../bot/service-stores.js';
import { newestFirstTimeKey } from '../../bot/store/keys.js';
import type { TableClients } from '../../bot/store/table-clients.js';
import { seededRandom } from '../../tests/support/storage-proxy.js';
import { BulkWriter, type WrittenFigures } from './bulk-writer.js';
import { RowRecorder } from './row-recorder.js';

/**
 * A realistic tenant, written fast through the service's own stores. The design point is
 * 50,000 learners in 5,000 teams over two years with 200,000 shares; a smaller tenant keeps the
 * same rates per learner:
 *
 * - teams: one per 10 learners, sizes long-tailed (Pareto, 3 to 2,000 members, most teams
 *   small, a few very large), each learner in one team (60 %), two (30 %) or three (10 %);
 *   a lead per team, two from 20 members, three from 200 (7,500 leads at the design point);
 * - weekly check-ins (one record a week, answered with learning, "nothing", or not at all) and
 *   entries (learners log in 10 %, 40 % or 80 % of weeks, one to three entries a week);
 * - 4 shares per learner over two years, each with its sharer's rating and marks (helpful,
 *   saved, a rating) from a few teammates, saved ones on the saver's list; links drawn from a
 *   long-tailed pool, so a few resources are shared in many teams;
 * - goals (about one per learner, some open, some reported on), nudges from leads (one per
 *   membership a year on average, half answered);
 * - each member's rollup in each of their teams, computed from exactly the entries, check-ins
 *   and goals written, by the product's own rollup functions.
 *
 * Rows are recorded from the stores' own write methods (so keys and shapes are theirs) and sent
 * in transactions of up to 100 rows per partition, 32 in flight. The same seed writes the same
 * tenant.
 */
export interface TenantOptions {
  tenantId: string;
  learners: number;
  /** Weeks of history (104 at the design point). */
  weeks: number;
  /**
   * Of those, the most recent weeks whose raw rows — entries and check-in records — are written
   * (default: all). Everything else is written for every week, and rollups always summarise the
   * whole history drawn; with at least ROLLUP_KEEP_WEEKS + 1 raw weeks they equal a recomputation
   * from the raw rows. Raw rows are most of a tenant (about 240 of 270 rows a learner over two
   * years), and what the organisation-level views must never read.
   */
  rawWeeks?: number;
  seed: number;
  /** The tenant's present: history runs up to it. */
  now: Date;
  /** Transactions in flight at once. */
  width?: number;
  /** Told how far the learner pass has got, now and then. */
  progress?: (learnersDone: number) => void;
}

/** What a generated tenant holds: what benchmarks read, and brute-force checks recompute. */
export interface GeneratedTenant {
  tenantId: string;
  learners: number;
  weeks: number;
  rawWeeks: number;
  now: Date;
  teams: GeneratedTeam[];
  /** Every learner's teams, by user id. */
  teamsOf: Map<string, string[]>;
  counts: {
    memberships: number;
    leads: number;
    entries: number;
    checkIns: number;
    shares: number;
    votes: number;
    goals: number;
    nudges: number;
  };
  written: WrittenFigures;
}

export interface GeneratedTeam {
  teamId: string;
  zone: string;
  members: string[];
  leads: string[];
}

export const DESIGN_POINT = { learners: 50_000, teams: 5_000, weeks: 104, shares: 200_000 } as const;

const WEEK = 7 * 86_400_000;
const LEARNERS_PER_TEAM = DESIGN_POINT.learners / DESIGN_POINT.teams;
const SHARES_PER_LEARNER_WEEK = DESIGN_POINT.shares / DESIGN_POINT.learners / DESIGN_POINT.weeks;
const ZONES = ['Europe/London', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'America/Los_Angeles', 'Australia/Sydney'];
const VISIBILITIES: EntryVisibility[] = ['leads', 'leads', 'leads', 'team', 'private'];
/**
 * Rows recorded before they are handed to the writer: bounds memory, and is large enough that a
 * team's partitions (rosters, rollups, shares, nudges) gather many learners' rows per transaction.
 */
const ROWS_PER_HANDOVER = 20_000;
/** Rollups keep ROLLUP_KEEP_WEEKS; older history cannot change them, so it is not rolled up. */
const ROLLED_UP_MS = (ROLLUP_KEEP_WEEKS + 2) * WEEK;

export async function generateTenant(tables: TableClients, options: TenantOptions): Promise<GeneratedTenant> {
  const random = seededRandom(options.seed);
  const draw = drawer(random);
  const { tenantId, now } = options;
  const recorder = new RowRecorder();
  const stores = storesOver(recorder.clients());
  const writer = new BulkWriter(tables, options.width ?? 32);
  const start = now.getTime() - options.weeks * WEEK;
  const rawWeeks = Math.min(options.weeks, options.rawWeeks ?? options.weeks);
  const iso = (ms: number) => new Date(ms).toISOString();

  const learners = Array.from({ length: options.learners }, (_, i) => `gen-${String(i).padStart(6, '0')}`);
  const teams = drawTeams(learners, draw);
  const teamsOf = new Map<string, string[]>();
  for (const team of teams) for (const m of team.members) teamsOf.set(m, [...(teamsOf.get(m) ?? []), team.teamId]);
  const teamById = new Map(teams.map((t) => [t.teamId, t]));
  const counts = { memberships: 0, leads: 0, entries: 0, checkIns: 0, shares: 0, votes: 0, goals: 0, nudges: 0 };
  const nameOf = (userId: string) => `Learner ${userId.slice(4)}`;

  // Teams, rosters and people.
  for (const team of teams) {
    const settings: TeamSettings = {
      tenantId,
      teamId: team.teamId,
      name: `Team ${team.teamId.slice(3, 9)}`,
      schedule: {
        cadence: 'weekly',
        weekday: 1 + draw.int(5),
        localTime: '16:00',
        timeZone: team.zone,
        reminderAfterHours: 24,
        anchorMonday: '2025-01-06',
      },
      sharesChannelId: team.teamId,
      updatedBy: team.leads[0]!,
      updatedAt: iso(start),
      locale: 'en-US',
    };
    await stores.teams.createSettingsIfAbsent(settings);
    for (const userId of team.members) {
      await stores.teams.upsertMember({
        tenantId,
        teamId: team.teamId,
        userId,
        teamsUserId: `29:${userId}`,
        displayName: nameOf(userId),
        role: team.leads.includes(userId) ? 'lead' : 'member',
        joinedAt: iso(start - WEEK),
      });
      counts.memberships++;
    }
    counts.leads += team.leads.length;
    if (recorder.size >= ROWS_PER_HANDOVER) await writer.flush(recorder);
  }
  const paused = new Set(learners.filter(() => draw.chance(0.05)));
  for (const userId of learners) {
    await stores.users.upsert({
      tenantId,
      userId,
      displayName: nameOf(userId),
      teamsUserId: `29:${userId}`,
      timeZone: teamById.get(teamsOf.get(userId)![0]!)!.zone,
      updatedAt: iso(start),
    });
    if (paused.has(userId)) await stores.users.setPaused(tenantId, userId, iso(now.getTime() - draw.int(20) * WEEK));
  }
  await writer.flush(recorder);

  // Each learner's history, a slice at a time: entries, check-ins, shares and marks, goals,
  // nudges, and the rollups all of it makes.
  const resourcePool = Math.max(50, Math.round(options.learners / 2));
  const shareChance = SHARES_PER_LEARNER_WEEK / expectedEntriesPerWeek;
  for (let n = 0; n < learners.length; n++) {
    const userId = learners[n]!;
    const myTeams = teamsOf.get(userId)!.map((id) => teamById.get(id)!);
    const home = myTeams[0]!;
    const activity = draw.pick([0.1, 0.1, 0.1, 0.4, 0.4, 0.4, 0.4, 0.8, 0.8, 0.8]);
    const entries: LearningEntry[] = [];
    const checkIns: CheckInState[] = [];
    for (let w = options.weeks - 1; w >= 0; w--) {
      // Up to three days before this time of week, but never before the start of its week in the
      // learner's zone: each week then has one check-in, across clock changes and early in a week.
      const base = DateTime.fromMillis(now.getTime() - 3_600_000, { zone: home.zone }).minus({ weeks: w });
      const due = Math.max(base.toMillis() - draw.int(72) * 3_600_000, base.startOf('week').toMillis());
      const cycle = weekKeyOf(iso(due), home.zone);
      const logged = draw.chance(activity) ? 1 + (draw.chance(0.3) ? 1 + (draw.chance(0.2) ? 1 : 0) : 0) : 0;
      for (let k = 0; k < logged; k++) {
        const createdAt = iso(due - k * 3_600_000 - draw.int(3_000_000));
        const link = draw.chance(0.6) ? `https://learn.example.com/r/${draw.zipf(resourcePool)}` : null;
        const entry: LearningEntry = {
          id: draw.uuid(),
          tenantId,
          userId,
          what: `Learning ${draw.int(10_000)}: ${draw.pick(TOPICS)}`,
          sourceType: draw.pick(SOURCE_TYPES),
          link,
          minutes: 5 + draw.int(90),
          rating: draw.chance(0.8) ? 1 + draw.int(5) : null,
          insight: draw.chance(0.5) ? `What stuck: ${draw.pick(TOPICS)}` : null,
          action: draw.chance(0.35) ? `Try ${draw.pick(TOPICS)} next week` : null,
          result: null,
          visibility: draw.pick(VISIBILITIES),
          createdAt,
        };
        const submissionId = draw.uuid();
        if (w < rawWeeks) await stores.entries.addOnce(entry, submissionId);
        entries.push(entry);
        if (draw.chance(shareChance)) await share(entry, draw.pick(myTeams));
      }
      const answer: 'entry' | 'nothing' | undefined = logged > 0 ? 'entry' : draw.chance(0.3) ? 'nothing' : undefined;
      const record = { tenantId, userId, cycle, kind: 'checkin' as const, teamId: home.teamId, dueAt: iso(due) };
      const sent = { status: 'sent' as const, attempts: 1, sentAt: iso(due), activityId: `gen-${cycle}` };
      const answered = answer ? { respondedAt: iso(due + draw.int(48) * 3_600_000), answer } : {};
      if (w < rawWeeks) {
        await stores.sends.createIfAbsent(record);
        await stores.sends.update({ ...record, status: 'pending', attempts: 0 }, { ...sent, ...answered });
        counts.entries += logged;
        counts.checkIns++;
      }
      checkIns.push({ kind: 'checkin', cycle, teamId: home.teamId, ...sent, ...answered });
    }

    const goals = await writeGoals(userId, home.zone);
    for (const team of myTeams) {
      const rollup = rollupFromRaw({
        userId,
        teamId: team.teamId,
        zone: team.zone,
        entries: entries.filter((e) => Date.parse(e.createdAt) > now.getTime() - ROLLED_UP_MS),
        checkIns: checkIns.filter((c) => Date.parse(c.sentAt!) > now.getTime() - ROLLED_UP_MS),
        paused: paused.has(userId),
        now,
      });
      // As the rollup service keeps them: the learner's open goals in their own zone (the home team's here).
      await stores.rollups.put(tenantId, team.teamId, { ...rollup, goals: goalFlagsOf(goals, now, home.zone) }, undefined);
      await writeNudges(userId, team);
    }
    if (recorder.size >= ROWS_PER_HANDOVER || n === learners.length - 1) await writer.flush(recorder);
    options.progress?.(n + 1);
  }
  return {
    tenantId,
    learners: options.learners,
    weeks: options.weeks,
    rawWeeks,
    now,
    teams,
    teamsOf,
    counts,
    written: await writer.drain(),
  };

  async function share(entry: LearningEntry, team: GeneratedTeam): Promise<void> {
    const canonical = entry.link ? normalizeLink(entry.link) : null;
    const base = {
      tenantId,
      teamId: team.teamId,
      shareId: entry.id,
      sharerId: entry.userId,
      sharerName: nameOf(entry.userId),
      what: entry.what,
      sourceType: entry.sourceType,
      link: entry.link,
      resourceKey: canonical ? resourceKeyOf(canonical) : null,
      insight: entry.insight,
      action: entry.action,
      sharerRating: entry.rating,
      createdAt: entry.createdAt,
      withdrawnAt: draw.chance(0.02) ? iso(Date.parse(entry.createdAt) + WEEK) : null,
      channelId: team.teamId,
      activityId: `gen-${entry.id}`,
    };
    const others = team.members.filter((m) => m !== entry.userId);
    const voters = draw.sample(others, Math.min(others.length, draw.geometric(3)));
    const votes: ShareVote[] = voters.map((userId) => ({
      userId,
      helpful: draw.chance(0.7),
      saved: draw.chance(0.25),
      rating: draw.chance(0.4) ? 1 + draw.int(5) : null,
      resourceKey: base.resourceKey,
      at: iso(Math.min(now.getTime(), Date.parse(entry.createdAt) + draw.int(7 * 24) * 3_600_000)),
    }));
    const sharerVote = entry.rating !== null ? [{ helpful: false, saved: false, rating: entry.rating }] : [];
    const created: Share = { ...base, tally: tallyOf([...sharerVote, ...votes]) };
    await stores.shares.create(created);
    for (const vote of votes) {
      await stores.shares.writeVote(tenantId, team.teamId, created.shareId, vote, undefined);
      if (vote.saved)
        await stores.shares.setSaved(tenantId, vote.userId, { teamId: team.teamId, shareId: created.shareId, savedAt: vote.at }, true);
    }
    counts.shares++;
    counts.votes += votes.length;
  }

  async function writeGoals(userId: string, zone: string): Promise<Goal[]> {
    const goals: Goal[] = [];
    for (let g = draw.geometric(1); g > 0; g--) {
      const createdAt = start + draw.int(options.weeks) * WEEK;
      const target = createdAt + (4 + draw.int(20)) * WEEK;
      const progress: GoalProgress[] = [];
      for (let at = createdAt + WEEK; at < Math.min(target, now.getTime()) && progress.length < 24; at += WEEK * (1 + draw.int(3))) {
        progress.push({ at: iso(at), state: draw.chance(0.75) ? 'on-track' : 'behind', note: null, cycle: weekKeyOf(iso(at), zone) });
      }
      const closes = target < now.getTime() && draw.chance(0.8);
      if (closes) progress.push({ at: iso(target), state: draw.chance(0.7) ? 'done' : 'dropped', note: null, cycle: null });
      const goal: Goal = {
        goalId: draw.uuid(),
        tenantId,
        userId,
        what: `Get better at ${draw.pick(TOPICS)}`,
        why: draw.chance(0.5) ? 'For the next project' : null,
        targetDate: iso(target).slice(0, 10),
        resources: draw.chance(0.5) ? [`https://learn.example.com/r/${draw.zipf(resourcePool)}`] : [],
        progress,
        createdAt: iso(createdAt),
        closedAt: closes ? iso(target) : null,
      };
      await stores.goals.create(goal);
      goals.push(goal);
    }
    counts.goals += goals.length;
    // As the goal service leaves them: the profile says whether any is open, the rollups list them oldest first.
    if (goals.some((g) => isOpen(g, now, zone))) await stores.users.setHasOpenGoals(tenantId, userId, true);
    // (Listed by key, then sorted by when: goals made at the same moment stay in key order.)
    return goals.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.goalId < b.goalId ? -1 : 1));
  }

  async function writeNudges(userId: string, team: GeneratedTeam): Promise<void> {
    if (team.leads.includes(userId)) return;
    for (let k = draw.poisson((options.weeks / 52) * 1); k > 0; k--) {
      const lead = draw.pick(team.leads);
      const sentAt = start + draw.int(options.weeks * 7) * 86_400_000;
      const answered = draw.chance(0.5);
      const nudge: Nudge = {
        tenantId,
        teamId: team.teamId,
        // As the nudge service makes them: newest first by when it was sent, which retention and the team's list rely on.
        nudgeId: `${newestFirstTimeKey(new Date(sentAt))}-${draw.uuid().slice(0, 8)}`,
        learnerId: userId,
        learnerName: nameOf(userId),
        leadId: lead,
        leadName: nameOf(lead),
        note: draw.chance(0.5) ? 'How is it going?' : null,
        reason: null,
        flaggedSince: null,
        sentAt: iso(sentAt),
        delivered: true,
        reply: answered ? { answer: draw.pick<NudgeAnswer>(['on-it', 'need-help', 'lets-talk']), at: iso(sentAt + 86_400_000) } : null,
      };
      await stores.nudges.create(nudge);
      counts.nudges++;
    }
  }
}

/** Entries a learner makes in a week on average, from the activity levels and entries per active week above. */
const expectedEntriesPerWeek = ((0.1 * 3 + 0.4 * 4 + 0.8 * 3) / 10) * (1 + 0.3 * (1 + 0.2));

const TOPICS = [
  'testing',
  'negotiation',
  'TypeScript',
  'feedback',
  'accessibility',
  'SQL',
  'storytelling',
  'security',
  'planning',
  'design',
];

/**
 * Team sizes from a Pareto draw (shape 1.25, at least 3: a mean near 15, so one team per ten
 * learners at 1.5 teams each), at most 2,000 and at most 40 % of a small tenant. Learners are
 * then dealt into teams by how many teams each is in, so every learner has a team.
 */
function drawTeams(learners: readonly string[], draw: ReturnType<typeof drawer>): GeneratedTeam[] {
  const teamCount = Math.max(1, Math.round(learners.length / LEARNERS_PER_TEAM));
  const cap = Math.min(2_000, Math.max(3, Math.floor(learners.length * 0.4)));
  const wanted = learners.map(() => (draw.chance(0.6) ? 1 : draw.chance(0.75) ? 2 : 3));
  const sizes = Array.from({ length: teamCount }, () => Math.min(cap, Math.max(3, Math.round(3 / Math.pow(1 - draw.next(), 1 / 1.25)))));
  // Scale the draw so the seats match what learners want: sizes keep their shape, totals agree.
  const seats = wanted.reduce((a, b) => a + b, 0);
  const factor = seats / sizes.reduce((a, b) => a + b, 0);
  const scaled = sizes.map((s) => Math.min(cap, Math.max(3, Math.round(s * factor))));
  const queue = draw.shuffle(learners.flatMap((l, i) => Array.from({ length: wanted[i]! }, () => l)));
  const teams: GeneratedTeam[] = scaled.map((_, i) => ({
    teamId: `19:gen${String(i).padStart(5, '0')}@thread.tacv2`,
    zone: draw.pick(ZONES),
    members: [],
    leads: [],
  }));
  const memberSets = teams.map(() => new Set<string>());
  let t = 0;
  for (const learner of queue) {
    // The next team with a free seat that does not have this learner yet; any team once all are full.
    let tries = 0;
    while (tries < teams.length && (memberSets[t]!.has(learner) || memberSets[t]!.size >= scaled[t]!)) {
      t = (t + 1) % teams.length;
      tries++;
    }
    if (memberSets[t]!.has(learner)) continue;
    memberSets[t]!.add(learner);
    t = (t + 1) % teams.length;
  }
  for (const [i, team] of teams.entries()) {
    team.members = [...memberSets[i]!];
    const leads = team.members.length >= 200 ? 3 : team.members.length >= 20 ? 2 : 1;
    team.leads = team.members.slice(0, leads);
  }
  return teams.filter((team) => team.members.length > 0);
}

/** Draws from one seeded source, so a tenant is a function of its seed. */
function drawer(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  return {
    next: random,
    int,
    chance: (p: number) => random() < p,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!,
    /** A rank from 1 to n, rank k with weight 1/k: a few resources are very popular. */
    zipf: (n: number) => Math.max(1, Math.min(n, Math.floor(Math.exp(random() * Math.log(n + 1))))),
    /** How many tries until the first success, with mean `mean`. */
    geometric: (mean: number) => Math.floor(Math.log(1 - random()) / Math.log(mean / (mean + 1))),
    poisson: (mean: number) => {
      let k = 0;
      for (let p = random(); p > Math.exp(-mean); p *= random()) k++;
      return k;
    },
    sample: <T>(xs: readonly T[], k: number): T[] => {
      const chosen = new Set<number>();
      while (chosen.size < k) chosen.add(int(xs.length));
      return [...chosen].map((i) => xs[i]!);
    },
    shuffle: <T>(xs: T[]): T[] => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    },
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16)).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[int(4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}
