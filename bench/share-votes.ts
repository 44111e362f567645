import { pino } from 'pino';
import { azuriteConnectionString } from '../bot/config.js';
import { SHARE_HELPFUL_VERB } from '../bot/cards/share-card.js';
import { tallyOf } from '../bot/domain/share.js';
import { buildService } from '../bot/service.js';
import { ensureTables } from '../bot/store/table-clients.js';
import { cardActionActivity, inTeamChannel } from '../bot/testing/activities.js';
import { localConfig } from '../bot/testing/local-config.js';

export interface ShareVotesResult {
  voters: number;
  counted: number;
  recountMatches: boolean;
  wallMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  over5s: number;
  storageRequestsPerVote: number;
  cardUpdates: number;
}

const TENANT = 'bench-tenant';
const TEAM = { id: '19:bench-team@thread.tacv2', name: 'Bench team' };

/**
 * Everyone in a team presses Helpful on one share card at the same moment: `voters` invokes
 * posted to /api/messages at once. One share's counters are one row, so this is the hottest
 * write the app has. Reports the per-click answer times (Teams gives up at 15 s and users after
 * much less), storage requests per click (retries included) and that the count is exact.
 */
export async function runShareVotes(options: {
  azurite: { tablePort: number; queuePort: number };
  voters: number;
}): Promise<ShareVotesResult> {
  const connectionString = azuriteConnectionString('127.0.0.1', options.azurite.tablePort, options.azurite.queuePort);
  const config = localConfig({ kind: 'connectionString', connectionString, tablePrefix: `sv${Date.now().toString(36)}` });
  await ensureTables(config.storage);
  let requests = 0;
  let cardUpdates = 0;
  const service = buildService(config, {
    logger: pino({ level: 'silent' }),
    observeStorage: () => void requests++,
    sharePublisher: {
      post: async () => 'activity-1',
      update: async () => {
        cardUpdates++;
        return true;
      },
      tellPerson: async () => true,
    },
  });
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  try {
    const now = new Date().toISOString();
    await service.stores.teams.createSettingsIfAbsent({
      tenantId: TENANT,
      teamId: TEAM.id,
      name: TEAM.name,
      schedule: null,
      sharesChannelId: TEAM.id,
      updatedBy: null,
      updatedAt: now,
    });
    const people = Array.from({ length: options.voters + 1 }, (_, i) => ({
      id: `29:p${i}`,
      aadObjectId: `bench-user-${i}`,
      name: `Person ${i}`,
    }));
    for (let i = 0; i < people.length; i += 50) {
      await Promise.all(
        people.slice(i, i + 50).map((p) =>
          service.stores.teams.upsertMember({
            tenantId: TENANT,
            teamId: TEAM.id,
            userId: p.aadObjectId,
            teamsUserId: p.id,
            displayName: p.name,
            role: 'member',
            joinedAt: now,
          }),
        ),
      );
    }
    const sharer = { tenantId: TENANT, userId: people[0]!.aadObjectId };
    const saved = await service.services.checkIns.submit(sharer, {
      cardId: 'bench-share-0001',
      what: 'A widely liked article',
      sourceType: 'article',
      rating: '4',
    });
    if (saved.status !== 'saved') throw new Error('the bench share did not save');
    await service.services.sharing.shareEntry(sharer, saved.entry, TEAM.id, []);
    await service.services.sharing.settled();

    requests = 0;
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      people.slice(1).map(async (p) => {
        const activity = inTeamChannel(
          cardActionActivity(
            SHARE_HELPFUL_VERB,
            { teamId: TEAM.id, shareId: 'bench-share-0001' },
            { serviceUrl: 'http://127.0.0.1:9/', tenantId: TENANT, from: p },
          ),
          TEAM,
        );
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        await res.text();
        latencies.push(performance.now() - t0);
      }),
    );
    const wallMs = performance.now() - started;
    const clickRequests = requests;
    await service.services.sharing.settled();
    const stored = await service.stores.shares.get(TENANT, TEAM.id, 'bench-share-0001');
    const votes = await service.stores.shares.listShareVotes(TENANT, TEAM.id, 'bench-share-0001');
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
    return {
      voters: options.voters,
      counted: stored?.share.tally.helpful ?? 0,
      recountMatches: JSON.stringify(tallyOf(votes)) === JSON.stringify(stored?.share.tally),
      wallMs: Math.round(wallMs),
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      maxMs: Math.round(latencies.at(-1) ?? 0),
      over5s: latencies.filter((l) => l > 5000).length,
      storageRequestsPerVote: Math.round((clickRequests / options.voters) * 10) / 10,
      cardUpdates,
    };
  } finally {
    await new Promise((r) => server.close(() => r(undefined)));
  }
}
