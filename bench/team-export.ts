import { pino } from 'pino';
import { azuriteConnectionString } from '../bot/config.js';
import { csvDocument, type CsvValue } from '../bot/contract/csv-cell.js';
import type { EntryVisibility } from '../bot/contract/entry-visibility.js';
import { TeamExportService } from '../bot/services/team-export-service.js';
import { buildService } from '../bot/service.js';
import { ensureTables } from '../bot/store/table-clients.js';
import { localConfig } from '../bot/testing/local-config.js';
import { asDemoPerson } from '../bot/testing/requests.js';
import { peakHeapDuring } from './support/operation-cost.js';

export interface TeamExportResult {
  members: number;
  entriesStored: number;
  rowsExported12Weeks: number;
  rowsExported52Weeks: number;
  megabytes52Weeks: number;
  streamedSeconds52Weeks: number;
  streamedPeakHeapMb12Weeks: number;
  streamedPeakHeapMb52Weeks: number;
  inMemoryPeakHeapMb12Weeks: number;
  inMemoryPeakHeapMb52Weeks: number;
  /** How many times more heap building the year's file whole took than streaming it. */
  heapRatio52Weeks: number;
}

interface ExportRun {
  weeks: number;
  rows: number;
  megabytes: number;
  streamedSeconds: number;
  streamedPeakHeapMb: number;
  inMemoryPeakHeapMb: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

const TENANT = 'bench-export-tenant';
const TEAM = 'bench-export-team';
const WEEK = 7 * 86_400_000;
const VISIBILITIES: EntryVisibility[] = ['leads', 'team', 'private', 'leads'];

/**
 * A year of a large team's entries downloaded as the leads' entries CSV through the API, which
 * streams it, against building the same file whole in memory first (how a download is usually
 * written). Both run in this process, so the heap figures include everything either way.
 */
export async function runTeamExport(options: {
  azurite: { tablePort: number; queuePort: number };
  members: number;
  entriesPerMember: number;
}): Promise<TeamExportResult> {
  const connectionString = azuriteConnectionString('127.0.0.1', options.azurite.tablePort, options.azurite.queuePort);
  const config = localConfig({ kind: 'connectionString', connectionString, tablePrefix: `exp${Date.now().toString(36)}` });
  await ensureTables(config.storage);
  const service = buildService(config, { logger: pino({ level: 'silent' }) });
  const { teams, entries, users } = service.stores;
  const now = new Date();
  const people = Array.from({ length: options.members }, (_, i) => ({
    userId: `bench-export-${String(i).padStart(4, '0')}`,
    displayName: `Person ${i}`,
  }));
  await teams.createSettingsIfAbsent({
    tenantId: TENANT,
    teamId: TEAM,
    name: 'Export bench team',
    schedule: null,
    sharesChannelId: null,
    updatedBy: null,
    updatedAt: now.toISOString(),
  });
  // Local mode accepts a named identity it already knows: the lead's.
  await users.upsert({ tenantId: TENANT, userId: people[0]!.userId, displayName: people[0]!.displayName, updatedAt: now.toISOString() });
  for (const [i, p] of people.entries()) {
    await teams.upsertMember({
      tenantId: TENANT,
      teamId: TEAM,
      userId: p.userId,
      teamsUserId: `29:${p.userId}`,
      displayName: p.displayName,
      role: i === 0 ? 'lead' : 'member',
      joinedAt: new Date(now.getTime() - 53 * WEEK).toISOString(),
    });
  }
  // Spread over the last 51 weeks, a quarter private, with text of a realistic length.
  const jobs = people.flatMap((p) => Array.from({ length: options.entriesPerMember }, (_, j) => ({ p, j })));
  for (let i = 0; i < jobs.length; i += 32) {
    await Promise.all(
      jobs.slice(i, i + 32).map(({ p, j }) => {
        const createdAt = new Date(now.getTime() - ((j + 1) / (options.entriesPerMember + 1)) * 51 * WEEK).toISOString();
        return entries.addOnce(
          {
            id: `${p.userId}-${j}`,
            tenantId: TENANT,
            userId: p.userId,
            what: `Designing data-intensive applications, chapter ${j % 12}: replication and partitioning`,
            sourceType: 'book',
            link: `https://example.com/books/ddia/${j}`,
            minutes: 30 + (j % 60),
            rating: 1 + (j % 5),
            insight: 'Leader-based replication trades write availability for simpler conflict handling; read-your-writes needs routing.',
            action: 'Try a follower read with a staleness bound on the reporting service next sprint.',
            result: null,
            visibility: VISIBILITIES[j % VISIBILITIES.length]!,
            createdAt,
          },
          `${p.userId}-${j}`,
        );
      }),
    );
  }

  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const exports = new TeamExportService({ ...service.stores, audit: service.services.audit, clock: () => new Date() });
  const lead = { tenantId: TENANT, userId: people[0]!.userId };
  try {
    const measured: ExportRun[] = [];
    // Two lengths of the same team's history: a streamed download's heap should stay flat, a file built whole grows with it.
    for (const weeks of [12, 52]) {
      let bytes = 0;
      let lines = 0;
      const started = performance.now();
      const streamedPeakHeapMb = await peakHeapDuring(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/teams/${TEAM}/exports/entries.csv?weeks=${weeks}`, {
          headers: asDemoPerson(lead.userId, TENANT),
        });
        if (res.status !== 200 || !res.body) throw new Error(`The export answered ${res.status}`);
        // Read and let go of each chunk, as a browser saving to disk does.
        const reader = res.body.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          bytes += read.value.byteLength;
          for (const b of read.value) if (b === 10) lines++;
        }
      });
      const streamedSeconds = (performance.now() - started) / 1000;
      let inMemoryBytes = 0;
      const inMemoryPeakHeapMb = await peakHeapDuring(async () => {
        const { rows } = await exports.open(lead, TEAM, 'entries', weeks);
        const all: (readonly CsvValue[])[] = [];
        for await (const row of rows) all.push(row);
        inMemoryBytes = Buffer.byteLength(csvDocument(all[0]!.map(String), all.slice(1)));
      });
      if (inMemoryBytes !== bytes) throw new Error(`The two files differ: ${bytes} bytes streamed, ${inMemoryBytes} built`);
      measured.push({
        weeks,
        rows: lines - 1,
        megabytes: round(bytes / 1_048_576),
        streamedSeconds: round(streamedSeconds),
        streamedPeakHeapMb: round(streamedPeakHeapMb),
        inMemoryPeakHeapMb: round(inMemoryPeakHeapMb),
      });
    }
    const [short, year] = measured as [ExportRun, ExportRun];
    return {
      members: options.members,
      entriesStored: jobs.length,
      rowsExported12Weeks: short.rows,
      rowsExported52Weeks: year.rows,
      megabytes52Weeks: year.megabytes,
      streamedSeconds52Weeks: year.streamedSeconds,
      streamedPeakHeapMb12Weeks: short.streamedPeakHeapMb,
      streamedPeakHeapMb52Weeks: year.streamedPeakHeapMb,
      inMemoryPeakHeapMb12Weeks: short.inMemoryPeakHeapMb,
      inMemoryPeakHeapMb52Weeks: year.inMemoryPeakHeapMb,
      heapRatio52Weeks: round(year.inMemoryPeakHeapMb / year.streamedPeakHeapMb),
    };
  } finally {
    server.close();
  }
}
