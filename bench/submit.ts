import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { azuriteConnectionString } from '../bot/config.js';
import { localConfig } from '../bot/testing/local-config.js';
import { buildService } from '../bot/service.js';
import { ensureTables } from '../bot/store/table-clients.js';
import { cardActionActivity } from '../bot/testing/activities.js';

export interface SubmitResult {
  ratePerSecond: number;
  seconds: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}

/**
 * Check-in card submissions (`Action.Execute` invokes) posted to /api/messages at a fixed
 * rate, open-loop (a slow answer does not slow the sender), against the service over Azurite.
 */
export async function runSubmit(options: {
  azurite: { tablePort: number; queuePort: number };
  ratePerSecond: number;
  seconds: number;
}): Promise<SubmitResult> {
  const connectionString = azuriteConnectionString('127.0.0.1', options.azurite.tablePort, options.azurite.queuePort);
  const config = localConfig({ kind: 'connectionString', connectionString, tablePrefix: `sub${Date.now().toString(36)}` });
  await ensureTables(config.storage);
  const service = buildService(config, { logger: pino({ level: 'silent' }) });
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/api/messages`;

  const latencies: number[] = [];
  let errors = 0;
  const total = options.ratePerSecond * options.seconds;
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const activity = cardActionActivity(
      'checkin.submit',
      {
        cardId: randomUUID(),
        what: `Bench learning ${i}`,
        sourceType: 'article',
        minutes: '15',
        rating: '4',
        insight: 'Insight',
        action: 'Action',
      },
      { serviceUrl: 'http://127.0.0.1:9/', from: { id: `29:bench-${i % 200}`, aadObjectId: `bench-user-${i % 200}`, name: 'Bench' } },
    );
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
          const body = await res.text();
          if (res.status !== 200 || !body.includes('Saved to your learning log')) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      })(),
    );
  }
  await Promise.all(inFlight);
  await new Promise((r) => server.close(r));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return {
    ratePerSecond: options.ratePerSecond,
    seconds: options.seconds,
    requests: total,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: at(1),
    errors,
  };
}
