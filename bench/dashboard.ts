import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { azuriteConnectionString } from '../bot/config.js';
import { DEMO_TENANT_ID } from '../bot/demo/demo-team.js';
import { buildDashboard } from '../bot/domain/dashboard.js';
import { followUpsFor, teamFollowUps } from '../bot/domain/dashboard-follow-ups.js';
import { nudgeFact } from '../bot/domain/leader-metrics.js';
import { SOURCE_TYPES } from '../bot/contract/learning-entry.js';
import { weekKeyOf } from '../bot/domain/member-rollup.js';
import { buildService } from '../bot/service.js';
import { ANSWERED_MARGIN_MS } from '../bot/services/team-rollup-copies.js';
import { SendStore } from '../bot/store/send-store.js';
import type { TableClient } from '@azure/data-tables';
import { ensureTables, tableClients } from '../bot/store/table-clients.js';
import { localConfig } from '../bot/testing/local-config.js';
import { ssoTokenVerifier } from '../bot/http/sso-token-verifier.js';
import type { AppConfig } from '../bot/config.js';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { rollupsFromRaw } from '../bot/testing/rollup-reference.js';
import type { StorageProxy } from '../tests/support/storage-proxy.js';
import { BENCH_LATENCY_MS, MEASURED_STORAGE, SEEDING_STORAGE } from './support/bench-settings.js';
import { measureOperation, round, summarise, type OperationCost } from './support/operation-cost.js';

export interface DashboardResult {
  /** Round trip added to every storage request, in ms. */
  latencyMs: number;
  /** Learners in the tenant. */
  sizes: number[];
  members: number;
  weeks: number;
  entries: number;
  runs: number;
  /** The first read of the team on a fresh instance, which decodes every member's rollup. */
  firstReadMs: number;
  /** Repeated reads with nothing written between them. */
  p50Ms: number;
  p95Ms: number;
  storageRequests: number;
  /** The most heap one read added, and the most storage requests one had in flight at once. */
  peakHeapAddedMb: number;
  maxInFlight: number;
  /** Each read just after a member's rollup was rewritten, so the view is rebuilt from the rollups. */
  afterWriteP50Ms: number;
  afterWriteP95Ms: number;
  afterWriteStorageRequests: number;
  scanRuns: number;
  scanP50Ms: number;
  scanP95Ms: number;
  scanStorageRequests: number;
  scanMaxInFlight: number;
  /** The scan's p95 over the dashboard's p95 after a write (the slower of the two paths). */
  speedupVsScan: number;
  speedupVsScanWarm: number;
  sameAnswer: boolean;
  responseKb: number;
  /** Each per-instance cache the dashboard reads through: its bounds, and what it held when the reads ended. */
  caches: Record<string, { entries: number; bytes: number; maxEntries: number; maxBytes: number }>;
  /** The bytes all of them held then. */
  cacheBytes: number;
}

// The demo tenant: local mode's identity picker offers its people, and the first-render benchmark signs in as the lead there.
const TENANT = DEMO_TENANT_ID;
const WEEK = 7 * 86_400_000;

/** The service over Azurite with one large team seeded, shared by the dashboard and first-render benchmarks. */
export interface SeededTeam {
  service: ReturnType<typeof buildService>;
  config: AppConfig;
  baseUrl: string;
  teamId: string;
  lead: string;
  tenantId: string;
  members: number;
  weeks: number;
  entries: number;
  now: Date;
  stop(): Promise<void>;
}

export async function seedLargeTeam(options: {
  azurite: { tablePort: number; queuePort: number };
  members: number;
  weeks: number;
  tabDistDir: string;
}): Promise<SeededTeam> {
  const connectionString = azuriteConnectionString('127.0.0.1', options.azurite.tablePort, options.azurite.queuePort);
  const config = localConfig(
    { kind: 'connectionString', connectionString, tablePrefix: `dash${Date.now().toString(36)}` },
    { tabDistDir: options.tabDistDir },
  );
  await ensureTables(config.storage);
  const now = new Date();
  const service = buildService(config, { logger: pino({ level: 'silent' }), clock: () => now });
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const teamId = `19:${randomUUID()}@thread.tacv2`;
  const people = Array.from({ length: options.members }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
  console.log(`  seeding ${options.members} members × ${options.weeks} weeks…`);
  const entries = await seed(service, tableClients(config.storage).sends, teamId, people, options.weeks, now);
  return {
    service,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    teamId,
    lead: people[0]!,
    tenantId: TENANT,
    members: options.members,
    weeks: options.weeks,
    entries,
    now,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * GET /api/v1/teams/:id/dashboard?weeks=52 for the seeded team, against the same figures
 * computed the naive way: every member's raw entries and check-ins.
 */
export async function runDashboard(
  seeded: SeededTeam,
  options: { runs: number; scanRuns: number; proxy: StorageProxy },
): Promise<DashboardResult> {
  const { service, teamId, lead, now } = seeded;
  const { proxy } = options;
  // The API as production runs it: a Teams SSO token checked on every call, over the seeded tables.
  const clientId = '11111111-2222-4333-8444-555555555555';
  const keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k', alg: 'RS256' };
  // The instance under test reaches the seeded tables through the storage proxy, at Azure's latency.
  const storage = { ...seeded.config.storage, connectionString: proxy.connectionString } as typeof seeded.config.storage;
  proxy.set(SEEDING_STORAGE);
  const api = buildService(
    { ...seeded.config, storage, mode: 'production', acceptDemoIdentities: false, ssoClientId: clientId },
    {
      logger: pino({ level: 'silent' }),
      clock: () => now,
      verifyCaller: ssoTokenVerifier({ clientId, keys: createLocalJWKSet({ keys: [jwk] }) }),
    },
  );
  const server = api.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const token = await new SignJWT({ tid: TENANT, oid: lead, scp: 'access_as_user', name: 'Lead' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k' })
    .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(clientId)
    .setExpirationTime('2h')
    .sign(keys.privateKey);
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1/teams/${encodeURIComponent(teamId)}/dashboard?weeks=52`;
  const members = (await service.stores.teams.readTeam(TENANT, teamId)).members.map((m) => m.userId);
  let responseBytes = 0;
  let apiBody: unknown;
  let firstReadMs = 0;
  const read = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`dashboard answered ${res.status}: ${text.slice(0, 200)}`);
    return text;
  };
  const measure = async (before?: (i: number) => Promise<void>) => {
    const costs: OperationCost[] = [];
    for (let i = 0; i < options.runs + 5; i++) {
      await before?.(i);
      const { value: text, cost } = await measureOperation(proxy, read, { heap: false });
      firstReadMs ||= cost.ms;
      if (i < 5) continue; // warm-up
      costs.push(cost);
      responseBytes = text.length;
      apiBody ??= JSON.parse(text);
    }
    // The heap a read adds, from a few more reads: measuring it slows the reads it measures.
    const heap: OperationCost[] = [];
    for (let i = 0; i < 5; i++) {
      await before?.(options.runs + 5 + i);
      heap.push((await measureOperation(proxy, read, { heap: true })).cost);
    }
    return { ...summarise(costs), peakHeapAddedMb: summarise(heap).peakHeapAddedMb };
  };
  // In a real team rollups are written over days; here they were all written a moment ago, in one
  // burst. Let the catch-up margin pass, as it would have: a read then asks only for later writes.
  await new Promise((resolve) => setTimeout(resolve, ANSWERED_MARGIN_MS + 1_500));
  proxy.set(MEASURED_STORAGE);
  const warm = await measure();
  // A member pauses or resumes before each read: one rollup rewritten, the view rebuilt.
  const afterWrite = await measure((i) =>
    api.services.people
      .updateSettings({ tenantId: TENANT, userId: members[1 + (i % (members.length - 1))]! }, { paused: i % 2 === 0 })
      .then(() => undefined),
  );
  await new Promise((resolve) => server.close(resolve));
  const caches = api.services.dashboards.caches;
  proxy.set(SEEDING_STORAGE);
  for (const userId of members) await service.services.people.updateSettings({ tenantId: TENANT, userId }, { paused: false });
  proxy.set(MEASURED_STORAGE);

  // The naive scan pays the same latency: it reads through the instance under test's stores.
  const scans: OperationCost[] = [];
  let scanBody: unknown;
  for (let i = 0; i < options.scanRuns; i++) {
    const { value, cost } = await measureOperation(proxy, () => scanDashboard(api.stores, teamId, lead, now), { heap: false });
    scanBody = value;
    scans.push(cost);
  }
  const scan = summarise(scans);
  const scanP95 = scan.p95Ms;
  return {
    latencyMs: BENCH_LATENCY_MS,
    sizes: [seeded.members],
    members: seeded.members,
    weeks: seeded.weeks,
    entries: seeded.entries,
    runs: warm.runs,
    firstReadMs: round(firstReadMs),
    p50Ms: warm.p50Ms,
    p95Ms: warm.p95Ms,
    storageRequests: warm.storageRequests,
    peakHeapAddedMb: Math.max(warm.peakHeapAddedMb, afterWrite.peakHeapAddedMb),
    maxInFlight: Math.max(warm.maxInFlight, afterWrite.maxInFlight),
    afterWriteP50Ms: afterWrite.p50Ms,
    afterWriteP95Ms: afterWrite.p95Ms,
    afterWriteStorageRequests: afterWrite.storageRequests,
    scanRuns: scan.runs,
    scanP50Ms: scan.p50Ms,
    scanP95Ms: scanP95,
    scanStorageRequests: scan.storageRequests,
    scanMaxInFlight: scan.maxInFlight,
    speedupVsScan: round(scanP95 / afterWrite.p95Ms),
    speedupVsScanWarm: round(scanP95 / warm.p95Ms),
    sameAnswer: JSON.stringify(apiBody) === JSON.stringify(scanBody),
    responseKb: round(responseBytes / 1024),
    caches,
    cacheBytes: Object.values(caches).reduce((n, c) => n + c.bytes, 0),
  };
}

/** The dashboard's figures the naive way: every member's raw entries and check-ins, read and rolled up on the spot. */
async function scanDashboard(stores: ReturnType<typeof buildService>['stores'], teamId: string, lead: string, now: Date) {
  const [team, rollups, nudges] = await Promise.all([
    stores.teams.readTeam(TENANT, teamId),
    rollupsFromRaw(stores, TENANT, teamId, now),
    stores.nudges.listTeam(TENANT, teamId, 1000),
  ]);
  const view = buildDashboard({
    settings: team.settings!,
    roster: team.members,
    rollups,
    caller: { userId: lead, role: 'lead' },
    weeks: 52,
    now,
  });
  const zone = team.settings!.schedule?.timeZone ?? 'UTC';
  const followUps = teamFollowUps({ roster: team.members, rollups, nudges: nudges.map(nudgeFact), weeks: 52, zone, now });
  return { ...view, followUps: followUpsFor(followUps, lead) };
}

/** A lead and their team, a year of entries (one or two most weeks) and answered check-ins, and the rollups the writes would have kept. */
async function seed(
  service: ReturnType<typeof buildService>,
  sendsTable: TableClient,
  teamId: string,
  people: string[],
  weeks: number,
  now: Date,
): Promise<number> {
  const { teams, entries, rollups } = service.stores;
  await teams.createSettingsIfAbsent({
    tenantId: TENANT,
    teamId,
    name: 'Bench team',
    schedule: {
      cadence: 'weekly',
      weekday: 5,
      localTime: '16:00',
      timeZone: 'Europe/London',
      reminderAfterHours: 24,
      anchorMonday: '2025-01-06',
    },
    sharesChannelId: teamId,
    updatedBy: people[0]!,
    updatedAt: now.toISOString(),
  });
  // Local mode knows a caller by their profile.
  await service.stores.users.upsert({ tenantId: TENANT, userId: people[0]!, displayName: 'Person 0', updatedAt: now.toISOString() });
  let count = 0;
  await inParallel(people, 32, async (userId, i) => {
    await teams.upsertMember({
      tenantId: TENANT,
      teamId,
      userId,
      teamsUserId: `29:${userId}`,
      displayName: `Person ${i}`,
      role: i === 0 ? 'lead' : 'member',
      joinedAt: new Date(now.getTime() - (weeks + 1) * WEEK).toISOString(),
    });
    const sends: Parameters<typeof service.stores.sends.createIfAbsent>[0][] = [];
    for (let w = weeks - 1; w >= 0; w--) {
      // Back by local weeks, so a clock change never puts two check-ins in one week.
      const due = DateTime.fromMillis(now.getTime() - 3_600_000, { zone: 'Europe/London' })
        .minus({ weeks: w })
        .toJSDate();
      const cycle = weekKeyOf(due, 'Europe/London');
      const logged = (i + w) % 5 !== 0;
      for (let k = 0; k < (logged ? 1 + ((i * w) % 2) : 0); k++) {
        const id = randomUUID();
        await entries.addOnce(
          {
            id,
            tenantId: TENANT,
            userId,
            what: `Learning ${w}.${k}`,
            sourceType: SOURCE_TYPES[(i + w + k) % SOURCE_TYPES.length]!,
            link: null,
            minutes: 10 + ((i + w) % 50),
            rating: 1 + ((i + k) % 5),
            insight: null,
            action: null,
            result: null,
            visibility: 'leads',
            createdAt: new Date(due.getTime() - k * 3_600_000).toISOString(),
          },
          id,
        );
        count++;
      }
      sends.push({ tenantId: TENANT, userId, cycle, kind: 'checkin', teamId, dueAt: due.toISOString() });
    }
    await writeSends(sendsTable, sends, (w) => (i + w) % 5 !== 0);
  });
  // The rollups every write above would have refreshed, written once each.
  const kept = await rollupsFromRaw(service.stores, TENANT, teamId, now);
  await inParallel(kept, 32, (r) => rollups.put(TENANT, teamId, r, undefined).then(() => undefined));
  return count;
}

/** A learner's check-ins in one batch: answered when they logged learning that week, else left unanswered. */
async function writeSends(
  table: TableClient,
  sends: Parameters<SendStore['createIfAbsent']>[0][],
  answered: (weeksAgo: number) => boolean,
): Promise<void> {
  // Bulk loaded a learner at a time, in the store's own key layout; the store itself writes one record at a time.
  for (let start = 0; start < sends.length; start += 100) {
    const chunk = sends.slice(start, start + 100);
    await table.submitTransaction(
      chunk.map((s, j) => {
        const weeksAgo = sends.length - 1 - (start + j);
        const sentAt = s.dueAt;
        return [
          'upsert',
          {
            ...SendStore.keys(s.tenantId, s.userId, s.cycle, s.kind),
            ...s,
            status: 'sent',
            attempts: 1,
            sentAt,
            ...(answered(weeksAgo) && weeksAgo > 0
              ? { respondedAt: new Date(Date.parse(sentAt) + 3_600_000).toISOString(), answer: 'entry' }
              : {}),
          },
        ];
      }),
    );
  }
}

async function inParallel<T>(items: T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
