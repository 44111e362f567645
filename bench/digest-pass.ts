import { loadavg } from 'node:os';
import { pino } from 'pino';
import { buildService } from '../bot/service.js';
import { storesOver } from '../bot/service-stores.js';
import { nextDigestWindow } from '../bot/domain/digest.js';
import { minuteKey } from '../bot/store/due-index-store.js';
import { digestCycle } from '../bot/store/send-store.js';
import { ensureTables, tableClients } from '../bot/store/table-clients.js';
import { localConfig } from '../bot/testing/local-config.js';
import type { StorageProxy } from '../tests/support/storage-proxy.js';
import { startTeamsConnector } from '../tests/support/teams-connector/teams-connector.js';
import { BENCH_LATENCY_MS, MEASURED_STORAGE, SEEDING_STORAGE } from './support/bench-settings.js';
import { BulkWriter } from './support/bulk-writer.js';
import { peakHeapDuring, round } from './support/operation-cost.js';
import { RowRecorder } from './support/row-recorder.js';

const TENANT = 'bench-digest-tenant';
const ZONE = 'Europe/London';
/** A Monday 09:00 in London (GMT in December): the digest window for the week 2026-W50 opens. */
const WINDOW_OPENS = new Date('2026-12-14T09:00:00Z');
const WEEK = '2026-W50';
/** As the background jobs run them (bot/jobs/background-jobs.ts). */
const SCHEDULER_EVERY_MS = 15_000;
const WORKER_IN_FLIGHT = 48;
/** The run gives up after this long, or after this long without a digest accepted. */
const GIVE_UP_MS = 30 * 60_000;
const STALL_MS = 3 * 60_000;
/** Waited after the last lead has theirs, so a duplicate still on its way is counted. */
const SETTLE_MS = 5_000;

export interface DigestPassResult {
  latencyMs: number;
  leads: number;
  teams: number;
  /** From the window opening until the last digest Teams accepted. */
  minutes: number;
  /** When the scheduler's first tick (which plans every team's digests) ended, in minutes after the window opened. */
  planMinutes: number;
  /** Leads the connector had accepted no digest for when the run ended; and digests it accepted more than once. */
  lost: number;
  duplicates: number;
  /** Our own records marked sent: the connector's count is the figure, this one is for comparison. */
  recordedSent: number;
  connectorRequests: number;
  injected429: number;
  throttledOverLimit: number;
  storageRequests: number;
  storageRequestsPerDigest: number;
  maxInFlight: number;
  peakHeapAddedMb: number;
  /** The machine's one-minute load average when the run ended (two cores). */
  loadAverage: number;
  measuredAt: string;
}

/**
 * The Bot Connector the digests go to, in one place: the Teams connector stand-in with the app's
 * limit and every conversation limit, answers in 100–400 ms, and 5 % of sends refused with 429 and
 * a Retry-After of 1–10 s whatever the load. Counts what it accepted, per conversation.
 */
async function startDigestConnector() {
  const connector = await startTeamsConnector({
    latencyMs: [100, 400],
    defaultTenantId: TENANT,
    failures: { throttleRate: 0.05, burstRetryAfterSeconds: [1, 10] },
    keepLog: false,
  });
  const { stats } = connector;
  return {
    serviceUrl: connector.serviceUrl,
    accepted: (conversationId: string) => stats.deliveries.get(conversationId) ?? 0,
    conversationsReached: () => stats.deliveries.size,
    lastAcceptedAt: () => stats.lastDeliveryAt,
    figures: () => ({ requests: stats.requests, injected429: stats.injected429, throttledOverLimit: stats.throttledOverLimit }),
    stop: connector.stop,
  };
}

/**
 * `digestPass`: one tenant with `leads` leads in teams of one time zone whose digest window opens
 * together. The service's planner and send worker, over the storage proxy at 15 ms, deliver the
 * digests through the real CloudAdapter path to the connector stand-in above. The clock the
 * service reads runs at real speed from the moment the window opens.
 */
export async function runDigestPass(options: { proxy: StorageProxy; leads: number; membersPerTeam: number }): Promise<DigestPassResult> {
  const { proxy } = options;
  const connector = await startDigestConnector();
  proxy.set(SEEDING_STORAGE);
  const storage = {
    kind: 'connectionString' as const,
    connectionString: proxy.connectionString,
    tablePrefix: `dg${Date.now().toString(36)}`,
  };
  await ensureTables(storage);
  const teams = await seedLeads(storage, connector.serviceUrl, options.leads, options.membersPerTeam);
  console.log(`  ${options.leads} leads in ${teams.length} teams written`);

  let startedAt = Date.now();
  const clock = () => new Date(WINDOW_OPENS.getTime() + (Date.now() - startedAt));
  const service = buildService(localConfig(storage), { logger: pino({ level: 'silent' }), clock, instanceId: 'bench-digest' });
  await Promise.all([service.queues.sends.create(), service.queues.poison.create()]);

  proxy.set(MEASURED_STORAGE);
  proxy.resetCounters();
  let running = true;
  let plannedAt: number | undefined;
  const peakHeapAddedMb = await peakHeapDuring(async () => {
    startedAt = Date.now();
    // The scheduler's loop as the background jobs run it: a tick now, then one every 15 seconds.
    const planner = (async () => {
      while (running) {
        await service.scheduler.tick();
        plannedAt ??= Date.now();
        for (const until = Date.now() + SCHEDULER_EVERY_MS; running && Date.now() < until;) await sleep(250);
      }
    })();
    const worker = service.worker.run(() => running, WORKER_IN_FLIGHT);
    let last = 0;
    let lastProgressAt = Date.now();
    let nextReport = Date.now() + 30_000;
    while (Date.now() - startedAt < GIVE_UP_MS && Date.now() - lastProgressAt < STALL_MS) {
      await sleep(500);
      const reached = connector.conversationsReached();
      if (reached !== last) [last, lastProgressAt] = [reached, Date.now()];
      if (Date.now() >= nextReport) {
        console.log(
          `  ${Math.round((Date.now() - startedAt) / 1000)} s: ${reached} leads have theirs${plannedAt ? '' : ' (still planning)'}`,
        );
        nextReport += 30_000;
      }
      if (reached >= options.leads) {
        await sleep(SETTLE_MS);
        break;
      }
    }
    running = false;
    await Promise.all([planner, worker]);
  });
  const counters = proxy.counters();
  proxy.set(SEEDING_STORAGE);

  const leads = teams.flatMap((t) => t.leads.map((userId) => ({ teamId: t.teamId, userId })));
  const delivered = leads.map((l) => connector.accepted(conversationOf(l.userId)));
  const records = await Promise.all(leads.map((l) => service.stores.sends.get(TENANT, l.userId, digestCycle(WEEK, l.teamId), 'digest')));
  const lastAt = connector.lastAcceptedAt();
  await connector.stop();
  return {
    latencyMs: BENCH_LATENCY_MS,
    leads: leads.length,
    teams: teams.length,
    minutes: round(lastAt ? (lastAt - startedAt) / 60_000 : 0, 2),
    planMinutes: round(plannedAt ? (plannedAt - startedAt) / 60_000 : 0, 2),
    lost: delivered.filter((n) => n === 0).length,
    duplicates: delivered.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    recordedSent: records.filter((r) => r?.status === 'sent').length,
    connectorRequests: connector.figures().requests,
    injected429: connector.figures().injected429,
    throttledOverLimit: connector.figures().throttledOverLimit,
    storageRequests: counters.requests,
    storageRequestsPerDigest: round(counters.requests / Math.max(1, leads.length)),
    maxInFlight: counters.maxInFlight,
    peakHeapAddedMb: round(peakHeapAddedMb),
    loadAverage: round(loadavg()[0]!, 2),
    measuredAt: new Date().toISOString(),
  };
}

const conversationOf = (userId: string) => `a:personal-${userId}`;

/**
 * Teams of one zone with one or two leads each (alternately, so 7,500 leads are 5,000 teams, as at
 * the design point) and `membersPerTeam` members who are not leads; every lead has a personal chat
 * with the app at the connector; each team's digest window filed in the scheduler's due index, as
 * setting the team up files it. Written through the stores' own methods, 100 rows a transaction.
 */
async function seedLeads(
  storage: ReturnType<typeof localConfig>['storage'],
  serviceUrl: string,
  leadCount: number,
  membersPerTeam: number,
) {
  const recorder = new RowRecorder();
  const stores = storesOver(recorder.clients());
  const writer = new BulkWriter(tableClients(storage), 32);
  const at = new Date(WINDOW_OPENS.getTime() - 30 * 86_400_000).toISOString();
  const window = nextDigestWindow(ZONE, new Date(WINDOW_OPENS.getTime() - 60_000));
  const teams: Array<{ teamId: string; leads: string[] }> = [];
  for (let n = 0, t = 0; n < leadCount; t++) {
    const teamId = `19:digest${String(t).padStart(5, '0')}@thread.tacv2`;
    const leads = Array.from({ length: Math.min(leadCount - n, 1 + (t % 2)) }, (_, k) => `lead-${n + k}`);
    n += leads.length;
    teams.push({ teamId, leads });
    await stores.teams.createSettingsIfAbsent({
      tenantId: TENANT,
      teamId,
      name: `Team ${t}`,
      schedule: { cadence: 'weekly', weekday: 3, localTime: '16:00', timeZone: ZONE, reminderAfterHours: 24, anchorMonday: '2025-01-06' },
      sharesChannelId: teamId,
      updatedBy: leads[0]!,
      updatedAt: at,
      locale: 'en-GB',
    });
    await stores.dueIndex.putDigest({
      minute: minuteKey(window.opensAt),
      tenantId: TENANT,
      teamId,
      cycle: window.week,
      dueAt: window.opensAt.toISOString(),
    });
    const members = [...leads, ...Array.from({ length: membersPerTeam }, (_, k) => `member-${t}-${k}`)];
    for (const userId of members) {
      const role = leads.includes(userId) ? ('lead' as const) : ('member' as const);
      await stores.teams.upsertMember({
        tenantId: TENANT,
        teamId,
        userId,
        teamsUserId: `29:${userId}`,
        displayName: `Person ${userId}`,
        role,
        joinedAt: at,
      });
      await stores.users.upsert({ tenantId: TENANT, userId, displayName: `Person ${userId}`, teamsUserId: `29:${userId}`, updatedAt: at });
    }
    for (const userId of leads) {
      const conversationId = conversationOf(userId);
      await stores.conversations.save({
        tenantId: TENANT,
        scope: 'personal',
        ownerId: userId,
        conversationId,
        serviceUrl,
        reference: JSON.stringify({
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: conversationId, tenantId: TENANT },
          bot: { id: '28:learning-loop' },
          user: { id: `29:${userId}` },
        }),
        updatedAt: at,
      });
    }
    if (recorder.size >= 20_000) await writer.flush(recorder);
  }
  await writer.flush(recorder);
  await writer.drain();
  return teams;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
