import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { StorageConfig } from '../bot/config.js';
import type { StorageProxy } from '../tests/support/storage-proxy.js';
import { BENCH_LATENCY_MS, MEASURED_STORAGE, SEEDING_STORAGE } from './support/bench-settings.js';
import { buildService } from '../bot/service.js';
import { SendBudgetStore } from '../bot/store/send-budget-store.js';
import { ensureTables, tableClients } from '../bot/store/table-clients.js';
import { DUE_TEAM_ID, DUE_TENANT_ID, fileDueLearners } from '../bot/testing/due-learners.js';
import { localConfig } from '../bot/testing/local-config.js';
import type { RecordedRequest } from '../tests/support/teams-connector/connector-model.js';
import { startConnectorProcess } from '../tests/support/teams-connector/connector-process.js';
import { maxInOneSecond } from '../tests/support/teams-connector/phase-figures.js';
import type { FleetCommand, FleetReply } from './support/fleet-instance.js';
import { BudgetWatch } from './support/budget-watch.js';
import { CpuSampler, type CpuUse } from './support/cpu-sampler.js';
import { rssKb, round } from './support/process-figures.js';
import { PRODUCTION_NODE_OPTIONS, PRODUCTION_PROCESS_ENV } from './support/production-node-options.js';

export interface FleetPhase {
  phase: string;
  /** Instances sending in it. */
  instances: number;
  seconds: number;
  requests: number;
  requestRatioToLimit: number;
  maxRequestsInOneSecond: number;
  refused429: number;
  /** The share of the tenant's budget that live instances held, read every 250 ms: what was left unheld (a handover) could not be sent. */
  budgetHeldByLive: number;
  /** How busy the machine's processors were (all of them), and the cores the service processes, the connector, the storage proxy's process and the rest (Azurite) used. */
  cpu: CpuUse;
}

export interface FanoutFleetResult {
  learners: number;
  firstContacts: number;
  /** Most requests to the tenant certainly within one second (see the connector's stats). */
  maxRequestsInOneSecond: number;
  /** The same by the connector's stamps, which its own late loop can only bunch: an upper bound. */
  maxRequestsInOneSecondAsStamped: number;
  conversationViolations: number;
  /** Requests that arrived with each limit used up (one may exceed several): which limit a violation was of. */
  violationsByLimit: Record<string, number>;
  /** The first few over-limit requests: what they were, to what kind of conversation, which limits, and when (s from the round's start). */
  overLimitRequests: Array<{ kind: string; conversation: string; exceeded: string[]; atSeconds: number; before: string[] }>;
  /** Requests a second over the round, against the limit, in the time Teams let the tenant send (its 429 bursts left out). */
  requestRatioToLimit: number;
  /** The same over the whole round, bursts included. */
  requestRatioToLimitWholeRound: number;
  lost: number;
  duplicates: number;
  /**
   * For each duplicate, when its first delivery was accepted, in seconds from the SIGKILL (negative:
   * before it). A send accepted by Teams whose process died before it recorded it is sent again once
   * its claim runs out: those come just before the kill; any other is a fault in the send path.
   */
  duplicateFirstDeliveryFromKillSeconds: number[];
  /** Storage requests over the round (every process, retries included) per learner, and by table. */
  storageRequestsPerLearner: number;
  storageRequestsPerLearnerByTable: Record<string, number>;
  /**
   * How late the connector stand-in's event loop ran over the round (p99 and max, ms): a late loop
   * stamps arrivals late and bunched, so a second with more than 50 in it may be the stand-in's
   * clock rather than the fleet's sending. It runs in a process of its own.
   */
  connectorLoopDelayMs: { p99: number; max: number };
  /** The same for the benchmark's process, which serves the storage proxy: a late loop there adds to every storage request. */
  storageProxyLoopDelayMs: { p99: number; max: number };
  /** Azurite processes the tables' partitions were spread over (see bench/README.md), and queries that read across them. */
  tableShards: number;
  queriesAcrossShards: number;
  /** The largest of every service process's peak resident memory. */
  peakRssMb: number;
  /**
   * Each service process's memory at its highest resident size, as it counted it each second (MB):
   * how much of the peak is V8's heap (used, and reserved) and how much the rest (code, buffers, Node).
   */
  memoryAtPeak: Array<{ rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number }>;
  roundSeconds: number;
  secondsInBursts: number;
  requests: number;
  byKind: Record<string, number>;
  throttledOverLimit: number;
  injected429: number;
  injected5xx: number;
  nudges: { asked: number; delivered: number };
  votes: { asked: number; cardUpdateRequests: number };
  /** Nudges and votes the service refused or failed (a nudge refused because it went before a kill counts too). */
  commandsRefused: number;
  /** What the fleet budget costs: requests to its table (the leases table) per instance and second. */
  budgetStorageRequestsPerInstanceSecond: number;
  /** The share of the tenant's budget that live instances held over the round (see the phases). */
  budgetHeldByLive: number;
  storageLatencyMs: number;
  phases: FleetPhase[];
}

const LIMIT_RPS = 50;
const SHARES = 5;
const CYCLE = '2026-W48';
const NUDGE_NOTE = 'A nudge from the benchmark';
const instanceScript = fileURLToPath(new URL('./support/fleet-instance.ts', import.meta.url));

/**
 * A scheduled round to `learners` people (30 % never written to: the app creates their chat as
 * it sends) by a fleet of service processes over one Azurite, through the Teams connector
 * stand-in with every limit, 100–400 ms answers, 429 bursts (Retry-After 1–10 s) and 1 % 5xx.
 * Two processes start; a third joins at 25 % of the round; one is killed with SIGKILL at 50 %
 * and started again at 70 %. Meanwhile a lead sends `nudges` nudges and people cast `votes`
 * votes on 5 shares in one channel, each of which updates the share's card.
 */
export async function runFanoutFleet(options: {
  proxy: StorageProxy;
  learners: number;
  nudges: number;
  votes: number;
  /** Chance per request that Teams starts a 429 burst for the tenant. */
  burstChance: number;
  /** How many Azurite processes `proxy` spreads the tables' partitions over. */
  tableShards: number;
}): Promise<FanoutFleetResult> {
  // In a process of its own: this one serves the storage proxy, whose work would make the loop that stamps arrivals late.
  const connector = await startConnectorProcess({
    options: {
      latencyMs: [100, 400],
      defaultTenantId: DUE_TENANT_ID,
      failures: { burstChance: options.burstChance, burstRetryAfterSeconds: [1, 10], serverErrorRate: 0.01 },
    },
    markers: { checkIn: `"cycle":"${CYCLE}"`, nudge: NUDGE_NOTE },
  });
  const connectionString = options.proxy.connectionString;
  options.proxy.set(SEEDING_STORAGE);
  const tablePrefix = `fleet${Date.now().toString(36)}`;
  const tables: StorageConfig = { kind: 'connectionString', connectionString, tablePrefix };
  await ensureTables(tables);
  const { people, shareIds } = await fileTeamAndShares(tables, Math.max(options.nudges * 2, options.votes + SHARES));
  // Due at a minute filing will not outlast (the scheduler looks back one minute from its first tick);
  // the processes start when it comes.
  // Filing 10,000 takes a few minutes here: the lead time grows with the learners.
  const leadMs = Math.max(90_000, (6 * 60_000 * options.learners) / 10_000);
  const dueAt = new Date(Math.ceil((Date.now() + leadMs) / 60_000) * 60_000);
  await fileDueLearners(tables, connector.serviceUrl, options.learners, dueAt, { firstContactShare: 0.3 });
  if (Date.now() > dueAt.getTime() + 30_000)
    throw new Error('filing the learners outlasted their due minute; run again on a quieter machine');
  await new Promise((r) => setTimeout(r, Math.max(0, dueAt.getTime() - Date.now())));
  // Nudged: people the app has written to before (every learner whose number ends in 3 to 9).
  const nudged = people.filter((i) => i % 10 >= 3).slice(0, options.nudges);

  const cpu = new CpuSampler();
  cpu.track('connector', connector.pid);
  cpu.track('storageProxy', process.pid);
  type Memory = Extract<FleetReply, { memory: unknown }>['memory'];
  const processes = new Map<
    string,
    { child: ChildProcess; peakRssKb: number; pending: Map<number, FleetCommand>; atPeak: Memory | undefined }
  >();
  let peakRssKb = 0;
  const replies = new Map<number, boolean>();
  const start = async (name: string) => {
    const child = fork(instanceScript, [], {
      execArgv: [...PRODUCTION_NODE_OPTIONS],
      env: {
        ...process.env,
        ...PRODUCTION_PROCESS_ENV,
        STORAGE_CONNECTION_STRING: connectionString,
        TABLE_PREFIX: tablePrefix,
        LEARNING_LOOP_MODE: 'local',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
        INSTANCE_ID: name,
        SCHEDULER_EVERY_MS: '1000',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    cpu.track('service', child.pid);
    const entry = { child, peakRssKb: 0, pending: new Map<number, FleetCommand>(), atPeak: undefined as Memory | undefined };
    processes.set(name, entry);
    child.on('message', (reply: FleetReply) => {
      if ('memory' in reply && reply.memory.rssMb > (entry.atPeak?.rssMb ?? 0)) entry.atPeak = reply.memory;
      if ('id' in reply) {
        entry.pending.delete(reply.id);
        replies.set(reply.id, reply.ok);
      }
    });
    await new Promise<void>((resolve) => child.on('message', (m: FleetReply) => 'ready' in m && resolve()));
  };
  const sampler = setInterval(() => {
    for (const p of processes.values()) {
      p.peakRssKb = Math.max(p.peakRssKb, rssKb(p.child.pid));
      peakRssKb = Math.max(peakRssKb, p.peakRssKb);
    }
  }, 250);

  const commands: FleetCommand[] = [
    ...nudged.map((i, k): FleetCommand => ({
      id: k,
      kind: 'nudge',
      tenantId: DUE_TENANT_ID,
      teamId: DUE_TEAM_ID,
      leadId: 'lead',
      learnerId: `learner-${i}`,
      note: NUDGE_NOTE,
    })),
    ...Array.from({ length: options.votes }, (_, k): FleetCommand => ({
      id: options.nudges + k,
      kind: 'vote',
      tenantId: DUE_TENANT_ID,
      teamId: DUE_TEAM_ID,
      voterId: `learner-${people[SHARES + k]}`,
      shareId: shareIds[k % SHARES]!,
    })),
  ].sort((a, b) => (a.id % 7) - (b.id % 7) || a.id - b.id);
  let nextCommand = 0;
  let roundRobin = 0;
  const send = (command: FleetCommand) => {
    const live = [...processes.values()].filter((p) => p.child.exitCode === null && p.child.signalCode === null);
    const target = live[roundRobin++ % live.length]!;
    target.pending.set(command.id, command);
    target.child.send(command);
  };

  const checkInsDelivered = () => connector.progress().marked.checkIn ?? 0;
  // The round is measured at Azure's round trip: the budget's renewals wait on it too.
  options.proxy.set(MEASURED_STORAGE);
  options.proxy.resetCounters();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  cpu.start();
  // Reads the budget's slices beside the round; its own reads are left out of the budget's cost below.
  const budgetWatch = new BudgetWatch(new SendBudgetStore(tableClients(tables).leases), DUE_TENANT_ID, (holder) => {
    const p = processes.get(holder);
    return p !== undefined && p.child.exitCode === null && p.child.signalCode === null;
  });
  budgetWatch.start();
  const marks: Array<{ phase: string; at: number; instances: number }> = [];
  await Promise.all([start('fleet-1'), start('fleet-2')]);
  marks.push({ phase: 'two instances', at: Date.now(), instances: 2 });
  const deadline = Date.now() + 20 * 60_000;
  let lastProgress = Date.now();
  let lastCount = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const count = checkInsDelivered();
    if (count !== lastCount) [lastCount, lastProgress] = [count, Date.now()];
    const share = count / options.learners;
    // People act throughout the round (all of it asked by 90 %).
    while (nextCommand < commands.length && nextCommand < (share / 0.9) * commands.length) send(commands[nextCommand++]!);
    if (marks.length === 1 && share >= 0.25) {
      await start('fleet-3');
      marks.push({ phase: 'a third joins', at: Date.now(), instances: 3 });
    }
    if (marks.length === 2 && share >= 0.5) {
      const victim = processes.get('fleet-2')!;
      victim.child.kill('SIGKILL');
      await new Promise((r) => victim.child.once('exit', r));
      marks.push({ phase: 'one killed', at: Date.now(), instances: 2 });
      // What it was asked and had not done: people press again (a vote sets, a nudge is refused if it went).
      for (const command of victim.pending.values()) send(command);
      victim.pending.clear();
    }
    if (marks.length === 3 && share >= 0.7) {
      await start('fleet-2b');
      marks.push({ phase: 'restarted', at: Date.now(), instances: 3 });
    }
    if (count >= options.learners && nextCommand >= commands.length && replies.size >= commands.length) break;
    if (Date.now() - lastProgress > 120_000) break;
  }
  const roundEnd = connector.progress().lastDeliveryAt ?? Date.now();
  budgetWatch.stop();
  loopDelay.disable();
  const storage = options.proxy.counters();
  const instanceSeconds = marks.reduce((sum, m, k) => sum + m.instances * (((marks[k + 1]?.at ?? roundEnd) - m.at) / 1000), 0);
  // Anything still on its way (a duplicate after the kill) is counted.
  await new Promise((r) => setTimeout(r, 5000));
  clearInterval(sampler);
  cpu.stop();
  for (const p of processes.values()) p.child.kill('SIGTERM');
  await Promise.all(
    // A process killed by a signal keeps exitCode null (its signalCode is set): waiting for its 'exit' would wait forever.
    [...processes.values()].map((p) =>
      p.child.exitCode === null && p.child.signalCode === null ? new Promise((r) => p.child.once('exit', r)) : undefined,
    ),
  );
  const { log, stats, marked, burstWindows, loopDelayMs } = await connector.finish();
  const roundStart = log[0]?.at ?? marks[0]!.at;
  const bursts = burstSeconds(burstWindows, roundEnd);
  const phases = marks.map((mark, k): FleetPhase => {
    const from = k === 0 ? roundStart : mark.at;
    const to = marks[k + 1]?.at ?? roundEnd;
    const inPhase = log.filter((r) => r.at >= from && r.at < to);
    const seconds = Math.max(0.001, (to - from) / 1000);
    return {
      phase: mark.phase,
      instances: mark.instances,
      seconds: round(seconds, 1),
      requests: inPhase.length,
      requestRatioToLimit: round(inPhase.length / seconds / LIMIT_RPS, 3),
      maxRequestsInOneSecond: maxInOneSecond(inPhase),
      refused429: inPhase.filter((r) => r.status === 429).length,
      budgetHeldByLive: round(budgetWatch.heldShare(from, to) ?? 0, 3),
      cpu: withRest(cpu.between(from, to), cpu.cores),
    };
  });
  const inRound = log.filter((r) => r.at <= roundEnd);
  const killedAt = marks.find((m) => m.phase === 'one killed')?.at;
  const roundSeconds = (roundEnd - roundStart) / 1000;
  options.proxy.set(SEEDING_STORAGE);
  return {
    learners: options.learners,
    firstContacts: Math.round(options.learners * 0.3),
    maxRequestsInOneSecond: stats.maxRequestsInOneSecond,
    maxRequestsInOneSecondAsStamped: stats.maxRequestsInOneSecondAsStamped,
    conversationViolations: stats.conversationViolations,
    violationsByLimit: { ...stats.violationsByLimit },
    overLimitRequests: log
      .filter((r) => r.reason === 'overLimit')
      .slice(0, 10)
      .map((r) => ({
        kind: r.kind,
        // Personal chats are one per learner; a channel card's thread is `19:…;messageid=N`.
        conversation: r.conversationId.startsWith('19:') ? 'channel thread' : 'personal chat',
        exceeded: r.exceeded ?? [],
        atSeconds: round((r.at - roundStart) / 1000, 1),
        // The conversation's requests in the 2 s before it: kind, ms before, answer.
        before: log
          .filter((x) => x.conversationId === r.conversationId && x.at > r.at - 2000 && x.at <= r.at && x !== r)
          .slice(-10)
          .map((x) => `${x.kind} ${x.at - r.at} ms ${x.status}`),
      })),
    requestRatioToLimit: round(inRound.length / Math.max(1, roundSeconds - bursts) / LIMIT_RPS, 3),
    requestRatioToLimitWholeRound: round(inRound.length / roundSeconds / LIMIT_RPS, 3),
    lost: options.learners - (marked.checkIn?.conversations.length ?? 0),
    duplicates: stats.duplicates,
    duplicateFirstDeliveryFromKillSeconds: duplicateFirstDeliveries(log).map((at) => round((at - (killedAt ?? at)) / 1000, 1)),
    storageRequestsPerLearner: round(storage.requests / options.learners, 1),
    storageRequestsPerLearnerByTable: Object.fromEntries(
      [...Object.entries(storage.byTable), ...Object.entries(storage.byQueue).map(([q, n]) => [`queue:${q}`, n] as const)]
        .map(([name, n]) => [name.replace(tablePrefix, ''), round(n / options.learners, 2)] as const)
        .sort(([, a], [, b]) => b - a),
    ),
    connectorLoopDelayMs: { p99: round(loopDelayMs.p99, 1), max: round(loopDelayMs.max, 1) },
    storageProxyLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6, 1), max: round(loopDelay.max / 1e6, 1) },
    tableShards: options.tableShards,
    queriesAcrossShards: storage.acrossShards,
    peakRssMb: round(peakRssKb / 1024, 1),
    memoryAtPeak: [...processes.values()].flatMap((p) => (p.atPeak ? [p.atPeak] : [])),
    roundSeconds: round(roundSeconds, 1),
    secondsInBursts: round(bursts, 1),
    requests: stats.requests,
    byKind: { ...stats.byKind },
    throttledOverLimit: stats.throttledOverLimit,
    injected429: stats.injected429,
    injected5xx: stats.injected5xx,
    nudges: {
      asked: nudged.length,
      delivered: marked.nudge?.deliveries ?? 0,
    },
    votes: { asked: options.votes, cardUpdateRequests: stats.byKind.update },
    commandsRefused: [...replies.values()].filter((ok) => !ok).length,
    budgetStorageRequestsPerInstanceSecond: round(
      ((storage.byTable[`${tablePrefix}Leases`] ?? 0) - budgetWatch.reads) / instanceSeconds,
      1,
    ),
    budgetHeldByLive: round(budgetWatch.heldShare(roundStart, roundEnd) ?? 0, 3),
    storageLatencyMs: BENCH_LATENCY_MS,
    phases,
  };
}

/** When each card delivered more than once was first accepted. */
function duplicateFirstDeliveries(log: RecordedRequest[]): number[] {
  const first = new Map<string, number>();
  const repeated = new Set<string>();
  for (const r of log) {
    if (r.kind !== 'send' || r.reason !== 'accepted' || r.card === undefined) continue;
    const key = `${r.conversationId}\u0000${r.card}`;
    if (first.has(key)) repeated.add(key);
    else first.set(key, r.at);
  }
  return [...repeated].map((key) => first.get(key)!).sort((a, b) => a - b);
}

/** The team the learners are in, its lead, the people who vote, and 5 shares posted in its channel before the round. */
async function fileTeamAndShares(storage: StorageConfig, members: number): Promise<{ people: number[]; shareIds: string[] }> {
  let posted = 0;
  const service = buildService(localConfig(storage), {
    logger: pino({ level: 'silent' }),
    // Posted before the round: the cards exist in the channel, and the round's votes update them through the fleet.
    sharePublisher: { post: async () => `share-card-${++posted}`, update: async () => true, tellPerson: async () => true },
  });
  const at = new Date().toISOString();
  const channelId = `19:${DUE_TEAM_ID}@thread.tacv2`;
  await service.stores.teams.createSettingsIfAbsent({
    tenantId: DUE_TENANT_ID,
    teamId: DUE_TEAM_ID,
    name: 'Load team',
    schedule: null,
    sharesChannelId: channelId,
    updatedBy: null,
    updatedAt: at,
  });
  const member = (userId: string, role: 'lead' | 'member') =>
    service.stores.teams.upsertMember({
      tenantId: DUE_TENANT_ID,
      teamId: DUE_TEAM_ID,
      userId,
      teamsUserId: `29:${userId}`,
      displayName: userId,
      role,
      joinedAt: at,
    });
  await member('lead', 'lead');
  const people = Array.from({ length: members }, (_, i) => i);
  const shareIds: string[] = [];
  for (let i = 0; i < people.length; i += 50) await Promise.all(people.slice(i, i + 50).map((p) => member(`learner-${p}`, 'member')));
  for (let k = 0; k < SHARES; k++) {
    const sharer = { tenantId: DUE_TENANT_ID, userId: `learner-${people[k]}` };
    const saved = await service.services.checkIns.submit(sharer, {
      cardId: `fleet-share-${k}`,
      what: `A resource worth sharing ${k}`,
      sourceType: 'article',
      rating: '4',
    });
    if (saved.status !== 'saved') throw new Error('a share of the benchmark did not save');
    const shared = await service.services.sharing.shareEntry(sharer, saved.entry, DUE_TEAM_ID, []);
    if (shared.status !== 'shared') throw new Error(`a share of the benchmark was not shared (${shared.status})`);
    shareIds.push(shared.share.shareId);
  }
  await service.services.sharing.settled();
  return { people, shareIds };
}

/** What the named processes did not use of what was busy: Azurite's processes, mostly. */
function withRest(use: CpuUse, cores: number): CpuUse {
  const named = Object.values(use.coresByGroup).reduce((a, b) => a + b, 0);
  return { ...use, coresByGroup: { ...use.coresByGroup, rest: round(Math.max(0, use.busyShare * cores - named), 2) } };
}

/** The time covered by the bursts' Retry-After windows (overlaps counted once), up to `end`. */
function burstSeconds(windows: Array<[number, number]>, end: number): number {
  let total = 0;
  let reached = 0;
  for (const [from, to] of [...windows].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(from, reached);
    const stop = Math.min(to, end);
    if (stop > start) total += stop - start;
    reached = Math.max(reached, to);
  }
  return total / 1000;
}
