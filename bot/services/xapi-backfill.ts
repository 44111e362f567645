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

/** Far beyond any tenant's people or a team's nudges; the lists are read in pages either way. */
const EVERYONE = 1_000_000;

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

  async run(tenantId: string): Promise<void> {
    const d = this.deps;
    const settings = await d.teams.listTenantTeams(tenantId);
    const teamName = new Map(settings.map((s) => [s.teamId, s.name]));
    const rosters = await Promise.all(
      settings.map(async (s) => ({ teamId: s.teamId, members: await d.teams.listMembers(tenantId, s.teamId) })),
    );
    const teamsOfPerson = new Map<string, string[]>();
    for (const { teamId, members } of rosters)
      for (const m of members) teamsOfPerson.set(m.userId, [...(teamsOfPerson.get(m.userId) ?? []), teamId]);
    const people = new Set([...(await d.users.listTenant(tenantId, EVERYONE)).map((p) => p.userId), ...teamsOfPerson.keys()]);

    const teamsFor = ({ actorId, teamId }: ReturnType<typeof partiesOf>): XapiTeam[] =>
      (teamId ? [teamId] : (teamsOfPerson.get(actorId) ?? [])).map((id) => ({ teamId: id, name: teamName.get(id) ?? '' }));
    let written = 0;
    const write = async (records: readonly XapiRecord[]) => {
      const rows: NewOutboxRow[] = records.map((r) => {
        const parties = partiesOf(r);
        return {
          statement: statementOf(r, teamsFor(parties)),
          actorId: parties.actorId,
          instructorId: parties.instructorId,
          authorId: parties.authorId,
        };
      });
      await d.outbox.add(tenantId, rows, d.clock().toISOString());
      written += rows.length;
    };

    for (const userId of people) {
      const [entries, goals, notes] = await Promise.all([
        d.entries.listAll(tenantId, userId),
        d.goals.listForUser(tenantId, userId),
        d.coaching.listForLearner(tenantId, userId),
      ]);
      await write([
        ...entries.map((entry): XapiRecord => ({ kind: 'entry', entry })),
        ...goals.flatMap((goal) =>
          goal.progress
            .filter((p) => p.state === 'done')
            .map((p): XapiRecord => ({ kind: 'goal-completed', goal, at: p.at, note: p.note })),
        ),
        ...notes.flatMap((note): XapiRecord[] =>
          note.answer ? [{ kind: 'coaching-answered', note, answer: note.answer.text, at: note.answer.at }] : [],
        ),
      ]);
      await d.settings.recordBackfill(tenantId, { written });
    }
    for (const { teamId } of rosters) {
      const [shares, votes, nudges] = await Promise.all([
        d.shares.listTeamShares(tenantId, teamId),
        d.shares.listTeamVotes(tenantId, teamId),
        d.nudges.listTeam(tenantId, teamId, EVERYONE),
      ]);
      const byId = new Map(shares.map((s) => [s.shareId, s]));
      await write([
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
      ]);
      await d.settings.recordBackfill(tenantId, { written });
    }
    await d.settings.recordBackfill(tenantId, { written, finishedAt: d.clock().toISOString() });
    d.logger.info({ written }, 'turned a tenant’s history into xAPI statements');
  }
}
