import type { Logger } from 'pino';
import { statementOf, type XapiTeam } from '../domain/xapi/statements.js';
import { partiesOf, type XapiRecord } from '../domain/xapi/xapi-record.js';
import type { CoachingStore } from '../store/coaching-store.js';
import type { EntryStore } from '../store/entry-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { LrsSettingsStore } from '../store/lrs-settings-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import type { NewOutboxRow, XapiOutboxStore } from '../store/xapi-outbox-store.js';
import type { Clock } from './learner.js';

/** Far beyond a team's nudges; the list is read in pages either way. */
const EVERYONE = 1_000_000;
/** Learners per slice: each is three reads and a few writes, so a slice ends well within a queue message's minute. */
const PEOPLE_PER_SLICE = 25;
/** Teams per slice: a big team's shares, marks and roster are the most a slice reads. */
const TEAMS_PER_SLICE = 3;
const DONE = 'done';

function joinCursor(phase: 'people' | 'teams', after: string | undefined): string {
  return after === undefined ? phase : `${phase} ${after}`;
}

function splitCursor(cursor: string): [('people' | 'teams')?, string?] {
  if (cursor === '') return [];
  const space = cursor.indexOf(' ');
  const phase = (space < 0 ? cursor : cursor.slice(0, space)) as 'people' | 'teams';
  return [phase, space < 0 ? undefined : cursor.slice(space + 1)];
}

/**
 * Turns a tenant's history into statements in its outbox: every entry, share, rating, completed
 * goal and answered follow-up so far. Each statement's id comes from its record, so running it
 * again (after a crash half way) adds only what is missing, and what the live path already wrote
 * is not written twice.
 */
export class XapiBackfill {
  constructor(
    private readonly deps: {
      settings: LrsSettingsStore;
      outbox: XapiOutboxStore;
      users: UserStore;
      teams: TeamStore;
      entries: EntryStore;
      goals: GoalStore;
      shares: ShareStore;
      nudges: NudgeStore;
      coaching: CoachingStore;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /**
   * Turns one slice of the history into statements and moves the backfill's cursor past it:
   * `people` a few learners at a time (their entries, completed goals, answered coaching), then
   * `teams` a few teams at a time (shares, ratings, answered follow-ups, and the entries of
   * members the app never met in chat). Answers whether there is more. A slice whose cursor was
   * already moved on (a message delivered twice) does nothing, so one backfill runs once.
   */
  async runSlice(tenantId: string): Promise<'more' | 'done'> {
    const d = this.deps;
    const progress = await d.settings.backfillCursor(tenantId);
    if (!progress || progress.cursor === DONE) return 'done';
    const [phase = 'people', after] = splitCursor(progress.cursor);
    let written = progress.written;
    const names = new Map<string, Promise<string>>();
    const nameOf = (teamId: string) => {
      if (!names.has(teamId))
        names.set(
          teamId,
          d.teams.getSettings(tenantId, teamId).then((t) => t?.name ?? ''),
        );
      return names.get(teamId)!;
    };
    const write = async (records: readonly XapiRecord[]) => {
      const rows: NewOutboxRow[] = [];
      for (const r of records) {
        const parties = partiesOf(r);
        const teamIds = parties.teamId ? [parties.teamId] : await d.teams.teamsOf(tenantId, parties.actorId);
        const teams: XapiTeam[] = await Promise.all(teamIds.map(async (teamId) => ({ teamId, name: await nameOf(teamId) })));
        rows.push({
          statement: statementOf(r, teams),
          actorId: parties.actorId,
          instructorId: parties.instructorId,
          authorId: parties.authorId,
        });
      }
      await d.outbox.add(tenantId, rows, d.clock().toISOString());
      written += rows.length;
    };
    let next: string;
    if (phase === 'people') {
      const people = await d.users.listTenantAfter(tenantId, after, PEOPLE_PER_SLICE);
      for (const person of people) await write(await this.personRecords(tenantId, person.userId));
      next = people.length < PEOPLE_PER_SLICE ? joinCursor('teams', undefined) : joinCursor('people', people.at(-1)!.userId);
    } else {
      const teams = await d.teams.listTenantTeamsAfter(tenantId, after, TEAMS_PER_SLICE);
      for (const team of teams) {
        await write(await this.teamRecords(tenantId, team.teamId));
        // Members the app never met in chat have no profile, so the people slices did not reach them.
        for (const member of await d.teams.listMembers(tenantId, team.teamId))
          if (!(await d.users.get(tenantId, member.userId))) await write(await this.personRecords(tenantId, member.userId));
      }
      next = teams.length < TEAMS_PER_SLICE ? DONE : joinCursor('teams', teams.at(-1)!.teamId);
    }
    const finishedAt = next === DONE ? d.clock().toISOString() : undefined;
    if (!(await d.settings.advanceBackfill(tenantId, progress, { cursor: next, written, ...(finishedAt ? { finishedAt } : {}) }))) {
      d.logger.info('a backfill slice was done twice (a message delivered again); the second is dropped');
      return 'done';
    }
    if (finishedAt) d.logger.info({ written }, 'turned a tenant’s history into xAPI statements');
    return next === DONE ? 'done' : 'more';
  }

  /** The whole history at once: every slice in turn (tests and small tenants). */
  async run(tenantId: string): Promise<void> {
    while ((await this.runSlice(tenantId)) === 'more');
  }

  private async personRecords(tenantId: string, userId: string): Promise<XapiRecord[]> {
    const d = this.deps;
    const [entries, goals, notes] = await Promise.all([
      d.entries.listAll(tenantId, userId),
      d.goals.listForUser(tenantId, userId),
      d.coaching.listForLearner(tenantId, userId),
    ]);
    return [
      ...entries.flatMap((entry): XapiRecord[] => {
        const told = entry.actionAnswer;
        // What came of its action, when the learner said (a result, or dropped): the statement a check-in's answer sent.
        const answered: XapiRecord[] =
          told && told.answer !== 'notYet' ? [{ kind: 'action-answered', entry, answer: told.answer, at: told.at }] : [];
        return [{ kind: 'entry', entry }, ...answered];
      }),
      ...goals.flatMap((goal) =>
        goal.progress.filter((p) => p.state === 'done').map((p): XapiRecord => ({ kind: 'goal-completed', goal, at: p.at, note: p.note })),
      ),
      ...notes.flatMap((note): XapiRecord[] =>
        note.answer ? [{ kind: 'coaching-answered', note, answer: note.answer.text, at: note.answer.at }] : [],
      ),
    ];
  }

  private async teamRecords(tenantId: string, teamId: string): Promise<XapiRecord[]> {
    const d = this.deps;
    const [shares, votes, nudges] = await Promise.all([
      d.shares.listTeamShares(tenantId, teamId),
      d.shares.listTeamVotes(tenantId, teamId),
      d.nudges.listTeam(tenantId, teamId, EVERYONE),
    ]);
    const byId = new Map(shares.map((s) => [s.shareId, s]));
    return [
      ...shares.filter((s) => !s.withdrawnAt).map((share): XapiRecord => ({ kind: 'shared', share })),
      ...votes.flatMap((v): XapiRecord[] => {
        const share = byId.get(v.shareId);
        return share && !share.withdrawnAt && v.rating !== null
          ? [{ kind: 'rated', share, voterId: v.userId, rating: v.rating, at: v.at }]
          : [];
      }),
      ...nudges.flatMap((nudge): XapiRecord[] =>
        nudge.reply ? [{ kind: 'follow-up-answered', nudge, answer: nudge.reply.answer, at: nudge.reply.at }] : [],
      ),
    ];
  }
}
