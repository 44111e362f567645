import type { Logger } from 'pino';
import { DASHBOARD_PERIODS } from '../contract/dashboard-view.js';
import { NO_SUMS, addRows, addSums, totalsOf, type ReportSums } from '../contract/report-totals.js';
import { FOLLOW_UP_EXPECTED_DAYS } from '../contract/follow-up-rules.js';
import type { TeamSettings } from '../contract/team-settings.js';
import { mapBounded } from '../domain/map-bounded.js';
import { keyOf } from '../store/keys.js';
import type { LeaseStore, Lease } from '../store/lease-store.js';
import type { FollowUpStore } from '../store/follow-up-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { OrgFiguresStore, ResourceFacts } from '../store/org-figures-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock } from './learner.js';
import { mergeFacts, topResources } from './org-figures-resources.js';
import { readTeamFigures, splitLeads } from './org-figures-team.js';

/**
 * How many teams a chunk holds: what a run keeps in memory at once, and how often it saves where it got to.
 * A team's follow-through is kept as counts and a histogram of days to a result (a median needs no
 * list of results; the histogram is bounded by the period's length in days), so nothing grows with
 * the number of entries.
 */
export const TEAMS_PER_CHUNK = 16;
/** Teams read at once; each has at most three reads in flight (roster, shares, nudges; then rollups and marks), so 30 at most. */
const TEAMS_IN_FLIGHT = 10;
const LEASE_MS = 2 * 60_000;
/** Figures older than this are computed again by the background loop. */
export const FIGURES_STALE_MS = 15 * 60_000;

/** Where a run got to, saved in its lease after every chunk: a run on any instance carries on from here. */
interface Checkpoint {
  generation: string;
  /** The moment the figures describe; a resumed run keeps it, so all chunks count the same weeks. */
  asOf: string;
  /** The generation readers followed when the run began, dropped once this one is published. */
  previous: string | null;
  chunk: number;
  /** The last team done; the next chunk starts after it. */
  after: string | null;
}

export interface OrgFiguresJobDeps {
  figures: OrgFiguresStore;
  leases: LeaseStore;
  teams: TeamStore;
  rollups: RollupStore;
  shares: ShareStore;
  nudges: NudgeStore;
  followUps: Pick<FollowUpStore, 'listTeam'>;
  /** The tenant's L&D setting: how many days a follow-up may wait (FOLLOW_UP_EXPECTED_DAYS unless set). */
  followUpDays?: (tenantId: string) => Promise<number>;
  clock: Clock;
  instanceId: string;
  logger: Logger;
  newId: () => string;
  teamsPerChunk?: number;
  /** Called after each chunk is saved (tests stop a run here, as a crash would). */
  afterChunk?: (chunk: number) => Promise<void> | void;
}

export type RunOutcome = { status: 'done'; generation: string; chunks: number; resumed: boolean } | { status: 'busy' | 'fresh' };

/**
 * Computes each tenant's organisation figures (the L&D report, every period, and the top resources)
 * by walking its teams a chunk at a time with the same per-team code the team dashboard uses, and
 * publishes them all at once when the walk is done. Requests then read stored rows, so no request's
 * cost grows with the tenant; the report says how old the figures are. One instance per tenant at
 * a time (a lease), and a run that dies carries on from its last chunk.
 */
export class OrgFiguresJob {
  private readonly running = new Map<string, Promise<RunOutcome>>();

  constructor(private readonly deps: OrgFiguresJobDeps) {}

  /**
   * A tenant that has no figures yet gets them computed now, in the background: the caller answers
   * "being prepared" meanwhile. Recorded first, so the background loop finishes it if this instance stops.
   */
  async prepare(tenantId: string): Promise<void> {
    await this.deps.figures.request(tenantId, this.deps.clock().toISOString());
    this.start(tenantId).catch((error: unknown) => this.deps.logger.error({ err: error, tenantId }, 'organisation figures failed'));
  }

  /** Every tenant whose figures are missing or older than FIGURES_STALE_MS, one after another. */
  async runDue(): Promise<number> {
    let ran = 0;
    const staleBefore = new Date(this.deps.clock().getTime() - FIGURES_STALE_MS);
    for await (const tenant of this.deps.figures.tenants()) {
      if (tenant.asOf !== null && Date.parse(tenant.asOf) >= staleBefore.getTime()) continue;
      try {
        if ((await this.start(tenant.tenantId, staleBefore)).status === 'done') ran++;
      } catch (error) {
        // One organisation's failure (its pass resumes next time) does not hold up the others'.
        this.deps.logger.error({ err: error, tenantId: tenant.tenantId }, 'organisation figures failed');
      }
    }
    return ran;
  }

  /** One whole pass over a tenant (or the rest of an interrupted one); 'busy' when another instance holds it. */
  runTenant(tenantId: string): Promise<RunOutcome> {
    return this.start(tenantId);
  }

  /** One run per tenant per instance: a second caller waits for the run already going. */
  private start(tenantId: string, staleBefore?: Date): Promise<RunOutcome> {
    const going = this.running.get(tenantId);
    if (going) return going;
    const run = this.run(tenantId, staleBefore).finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, run);
    return run;
  }

  private async run(tenantId: string, staleBefore: Date | undefined): Promise<RunOutcome> {
    const { leases, instanceId, clock } = this.deps;
    const name = keyOf('orgfigures', tenantId);
    let lease: Lease | undefined = await leases.acquire(name, instanceId, clock(), LEASE_MS);
    if (!lease) return { status: 'busy' };
    const resumed = Boolean(lease.cursor);
    let checkpoint: Checkpoint;
    if (lease.cursor) checkpoint = JSON.parse(lease.cursor) as Checkpoint;
    else {
      const pointer = await this.deps.figures.pointer(tenantId);
      // Another instance may have finished the same figures while this one waited for the lease.
      if (staleBefore && pointer?.asOf && Date.parse(pointer.asOf) >= staleBefore.getTime()) return { status: 'fresh' };
      checkpoint = {
        generation: this.deps.newId(),
        asOf: clock().toISOString(),
        previous: pointer?.generation ?? null,
        chunk: 0,
        after: null,
      };
    }
    const keep = async (next: Checkpoint) => {
      lease = lease && (await leases.saveCursor(name, lease, JSON.stringify(next)));
      if (lease) lease = await leases.acquire(name, instanceId, clock(), LEASE_MS);
      if (!lease) throw new Error('lost the organisation figures lease mid-run; another instance carries on');
    };
    // Saved before anything is written, so a pass that dies at once is carried on, never left half-written.
    if (!resumed) await keep(checkpoint);
    const perChunk = this.deps.teamsPerChunk ?? TEAMS_PER_CHUNK;
    let chunks = 0;
    for (;;) {
      const teams = await this.deps.teams.listTenantTeamsAfter(tenantId, checkpoint.after ?? undefined, perChunk);
      if (teams.length === 0) break;
      await this.chunk(tenantId, checkpoint, teams);
      checkpoint = { ...checkpoint, chunk: checkpoint.chunk + 1, after: teams.at(-1)!.teamId };
      await keep(checkpoint);
      chunks++;
      await this.deps.afterChunk?.(checkpoint.chunk);
      if (teams.length < perChunk) break;
    }
    await this.finish(tenantId, checkpoint);
    // Done: the next run starts afresh rather than resuming this one.
    if (lease) await leases.saveCursor(name, lease, '');
    return { status: 'done', generation: checkpoint.generation, chunks, resumed };
  }

  /**
   * Reads a chunk of teams, writes their rows for every period, and stages their share of the totals and resources.
   * Each team is reduced to its rows and resource facts as it is read, so the chunk holds those, never a team's rollups.
   */
  private async chunk(tenantId: string, checkpoint: Checkpoint, teams: readonly TeamSettings[]): Promise<void> {
    const { figures } = this.deps;
    const { generation } = checkpoint;
    const now = new Date(checkpoint.asOf);
    const days = (await this.deps.followUpDays?.(tenantId)) ?? FOLLOW_UP_EXPECTED_DAYS;
    const read = await mapBounded(teams, TEAMS_IN_FLIGHT, (settings) => readTeamFigures(this.deps, tenantId, settings, now, days));
    const sums: Record<string, Record<string, ReportSums>> = {};
    for (const weeks of DASHBOARD_PERIODS) {
      const byWeek = new Map<string, ReportSums>();
      const written = read.map((team) => {
        const rows = team.rows.get(weeks)!;
        addRows(byWeek, rows);
        return { teamId: team.teamId, teamName: team.name, ...splitLeads(rows) };
      });
      await figures.writeTeams(tenantId, generation, weeks, written);
      sums[weeks] = Object.fromEntries(byWeek);
    }
    // Merged in the chunk's team order, as if one pass had read every team's shares and marks.
    const facts = new Map<string, ResourceFacts>();
    for (const team of read) mergeFacts(facts, team.facts);
    await Promise.all([
      figures.writeTeamKeys(
        tenantId,
        generation,
        read.map((team) => ({ teamId: team.teamId, teamName: team.name })),
      ),
      figures.stageSums(tenantId, generation, checkpoint.chunk, sums),
      figures.stageResources(tenantId, generation, checkpoint.chunk, facts),
    ]);
  }

  /** Adds up the staged chunks, publishes the generation, then drops what no reader needs any more. */
  private async finish(tenantId: string, checkpoint: Checkpoint): Promise<void> {
    const { figures } = this.deps;
    const { generation } = checkpoint;
    const byPeriod = new Map<string, Map<string, ReportSums>>(DASHBOARD_PERIODS.map((w) => [String(w), new Map()]));
    for await (const staged of figures.stagedSums(tenantId, generation)) {
      for (const [weeks, byWeek] of Object.entries(staged)) {
        const into = byPeriod.get(weeks);
        if (!into) continue;
        // Over NO_SUMS: a run resumed across an upgrade has chunks staged before results were counted.
        for (const [week, sums] of Object.entries(byWeek)) into.set(week, addSums(into.get(week) ?? NO_SUMS, { ...NO_SUMS, ...sums }));
      }
    }
    await Promise.all([
      ...DASHBOARD_PERIODS.map((weeks) => figures.writeTotals(tenantId, generation, weeks, totalsOf(byPeriod.get(String(weeks))!))),
      topResources(figures, tenantId, generation).then((lists) => figures.writeTopResources(tenantId, generation, lists)),
    ]);
    await figures.publish(tenantId, generation, checkpoint.asOf);
    await figures.dropStage(tenantId, generation);
    if (checkpoint.previous && checkpoint.previous !== generation) await figures.dropGeneration(tenantId, checkpoint.previous);
  }
}
