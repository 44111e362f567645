import { pino } from 'pino';
import type { SharesResponse } from '../bot/contract/share-view.js';
import { SOURCE_TYPES } from '../bot/contract/learning-entry.js';
import { tallyOf, type Share, type ShareVote } from '../bot/domain/share.js';
import { buildService } from '../bot/service.js';
import { storesOver } from '../bot/service-stores.js';
import type { StorageConfig } from '../bot/config.js';
import { ensureTables, tableClients } from '../bot/store/table-clients.js';
import { localConfig } from '../bot/testing/local-config.js';
import { seededRandom, type StorageProxy } from '../tests/support/storage-proxy.js';
import { MEASURED_STORAGE, SEEDING_STORAGE } from './support/bench-settings.js';
import { BulkWriter } from './support/bulk-writer.js';
import { round } from './support/operation-cost.js';
import { getWithToken } from './support/org-tenants.js';
import { readSeries } from './support/read-series.js';
import { RowRecorder } from './support/row-recorder.js';
import { benchSso } from './support/sso-tokens.js';

const TENANT = 'bench-feed-tenant';
const TEAM = '19:bench-feed@thread.tacv2';
const MEMBERS = 200;
const WEEK = 7 * 86_400_000;

/** Shares in the control team: the same page, in a table Azurite scans quickly. */
const CONTROL_SHARES = 200;

/**
 * `shareFeed`: one team of 200 with `shares` shares over two years (each with the sharer's rating
 * and marks from up to four teammates), then the first page of its feed as the tab asks for it
 * (`GET /teams/{teamId}/shares?sort=…`, 20 shares), newest first and most helpful first, at 15 ms.
 * The same is measured for a team of CONTROL_SHARES shares in tables of its own: a page makes the
 * same requests in both, so the difference in time is what Azurite spends scanning the larger table.
 *
 * The shares are written through the share store's own methods into a RowRecorder and sent in
 * transactions (`create` writes the share, its two feed pointers and the sharer's vote). The
 * feed's "indexed" marker is written with them, by the store's own `indexFeedOnce`, as a team whose
 * shares were all made since the feed had pointers has it after its first read: the measured reads
 * never rebuild the pointers.
 */
export async function runShareFeed(options: { proxy: StorageProxy; shares: number; runs: number }) {
  const large = await measureTeam(options.proxy, options.shares, options.runs);
  const control = await measureTeam(options.proxy, CONTROL_SHARES, options.runs);
  const { newest, helpful } = large;
  return {
    latencyMs: MEASURED_STORAGE.latencyMs,
    sizes: [MEMBERS],
    shares: options.shares,
    members: MEMBERS,
    rowsInPartition: large.rowsInPartition,
    writtenSeconds: large.writtenSeconds,
    markerWritten: true,
    pageSize: 20,
    runs: options.runs,
    p95Ms: Math.max(newest.p95Ms, helpful.p95Ms),
    storageRequests: Math.max(newest.storageRequests, helpful.storageRequests),
    maxInFlight: Math.max(newest.maxInFlight, helpful.maxInFlight),
    peakHeapAddedMb: Math.max(newest.peakHeapAddedMb, helpful.peakHeapAddedMb),
    newest,
    helpful,
    control: { shares: CONTROL_SHARES, rowsInPartition: control.rowsInPartition, newest: control.newest, helpful: control.helpful },
  };
}

/** A team of `shares` shares in tables of its own, and its feed's first page in both orders. */
async function measureTeam(proxy: StorageProxy, shares: number, runs: number) {
  proxy.set(SEEDING_STORAGE);
  const storage: StorageConfig = {
    kind: 'connectionString',
    connectionString: proxy.connectionString,
    tablePrefix: `feed${shares}x${Date.now().toString(36)}`,
  };
  await ensureTables(storage);
  const t0 = performance.now();
  const written = await writeTeam(storage, shares);
  const writtenSeconds = (performance.now() - t0) / 1000;
  console.log(`  ${shares} shares written (${written.rows} rows) in ${Math.round(writtenSeconds)} s`);

  const sso = await benchSso();
  const config = localConfig(storage, { mode: 'production', acceptDemoIdentities: false, ssoClientId: sso.clientId });
  const service = buildService(config, { logger: pino({ level: 'silent' }), verifyCaller: sso.verifyCaller });
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const token = await sso.tokenFor({ tenantId: TENANT, userId: member(1) });
  try {
    const firstPage = async (sort: 'newest' | 'helpful') => {
      const read = () => getWithToken(baseUrl, token, `/teams/${encodeURIComponent(TEAM)}/shares?sort=${sort}`);
      const { body, figures } = await readSeries(proxy, runs, read);
      const page = JSON.parse(body) as SharesResponse;
      if (page.shares.length !== 20 || !page.nextCursor) throw new Error(`the ${sort} feed's first page has ${page.shares.length} shares`);
      console.log(`  ${shares} shares, ${sort}: ${JSON.stringify(figures)}`);
      return figures;
    };
    const newest = await firstPage('newest');
    const helpful = await firstPage('helpful');
    return { rowsInPartition: written.rows, writtenSeconds: round(writtenSeconds), newest, helpful };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const member = (i: number) => `feed-${String(i).padStart(4, '0')}`;

/** The team, its roster and its shares, written through the stores' own methods. */
async function writeTeam(storage: StorageConfig, shares: number): Promise<{ rows: number }> {
  const random = seededRandom(7);
  const int = (n: number) => Math.floor(random() * n);
  const recorder = new RowRecorder();
  const stores = storesOver(recorder.clients());
  const writer = new BulkWriter(tableClients(storage), 32);
  const now = Date.now();
  const start = new Date(now - 104 * WEEK).toISOString();
  await stores.teams.createSettingsIfAbsent({
    tenantId: TENANT,
    teamId: TEAM,
    name: 'Feed team',
    schedule: null,
    sharesChannelId: TEAM,
    updatedBy: member(0),
    updatedAt: start,
    locale: 'en-US',
  });
  for (let i = 0; i < MEMBERS; i++) {
    await stores.teams.upsertMember({
      tenantId: TENANT,
      teamId: TEAM,
      userId: member(i),
      teamsUserId: `29:${member(i)}`,
      displayName: `Member ${i}`,
      role: i === 0 ? 'lead' : 'member',
      joinedAt: start,
    });
  }
  for (let n = 0; n < shares; n++) {
    const createdAt = new Date(now - int(104 * WEEK)).toISOString();
    const sharer = member(int(MEMBERS));
    const resource = int(2_000);
    const votes: ShareVote[] = Array.from({ length: int(5) }, (_, k) => ({
      userId: member((MEMBERS + Number(sharer.slice(5)) + 1 + k) % MEMBERS),
      helpful: random() < 0.7,
      saved: random() < 0.25,
      rating: random() < 0.4 ? 1 + int(5) : null,
      resourceKey: `r${resource}`,
      at: createdAt,
    }));
    const sharerRating = random() < 0.8 ? 1 + int(5) : null;
    const share: Share = {
      tenantId: TENANT,
      teamId: TEAM,
      shareId: `s${String(n).padStart(6, '0')}-${int(1e9).toString(36)}`,
      sharerId: sharer,
      sharerName: `Member ${sharer.slice(5)}`,
      what: `Something worth reading, number ${n}`,
      sourceType: SOURCE_TYPES[n % SOURCE_TYPES.length]!,
      link: `https://learn.example.com/r/${resource}`,
      resourceKey: `r${resource}`,
      insight: 'What I took from it, in a sentence or two of the length people write.',
      action: null,
      sharerRating,
      createdAt,
      withdrawnAt: null,
      channelId: TEAM,
      activityId: `act-${n}`,
      tally: tallyOf([...(sharerRating !== null ? [{ helpful: false, saved: false, rating: sharerRating }] : []), ...votes]),
    };
    await stores.shares.create(share);
    for (const vote of votes) await stores.shares.writeVote(TENANT, TEAM, share.shareId, vote, undefined);
    if (recorder.size >= 20_000) await writer.flush(recorder);
  }
  // Shares created through the store have their pointers already: mark the feed as indexed, as its first read would.
  await stores.shares.indexFeedOnce(TENANT, TEAM);
  await writer.flush(recorder);
  const figures = await writer.drain();
  return { rows: figures.byTable.shares ?? 0 };
}
