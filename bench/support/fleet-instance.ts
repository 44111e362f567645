/**
 * One service process of the fanoutFleet benchmark: the compiled service (dist/, as production
 * runs it) with its background jobs, which the benchmark also asks over IPC to do what people do
 * during the round (a lead's nudge, a vote that updates a share's channel card), so those requests
 * go through this process's pacer and its share of the fleet's budget.
 */
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';

type ServiceModule = typeof import('../../bot/service.js');
type ConfigModule = typeof import('../../bot/config.js');

export type FleetCommand =
  | { id: number; kind: 'nudge'; tenantId: string; teamId: string; leadId: string; learnerId: string; note: string }
  | { id: number; kind: 'vote'; tenantId: string; teamId: string; voterId: string; shareId: string };

export type FleetReply =
  | { ready: true }
  | { id: number; ok: boolean; error?: string }
  /** Every second: the process's memory as V8 and Node count it, in MB. */
  | { memory: { rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number } };

const dist = (path: string) => fileURLToPath(new URL(`../../dist/bot/${path}`, import.meta.url));
const { buildService } = (await import(dist('service.js'))) as ServiceModule;
const { loadConfig } = (await import(dist('config.js'))) as ConfigModule;

const config = loadConfig(process.env);
const logger = pino({ level: config.logLevel });
const service = buildService(config, { logger, ...(process.env.INSTANCE_ID ? { instanceId: process.env.INSTANCE_ID } : {}) });
const jobs = await service.startJobs({ schedulerEveryMs: Number(process.env.SCHEDULER_EVERY_MS ?? 15_000) });

process.on('message', (command: FleetCommand) => {
  const work =
    command.kind === 'nudge'
      ? service.services.nudges.nudge({ tenantId: command.tenantId, userId: command.leadId }, command.teamId, command.learnerId, {
          note: command.note,
        })
      : service.services.sharing.vote({ tenantId: command.tenantId, userId: command.voterId }, command.teamId, command.shareId, {
          kind: 'toggle',
          field: 'helpful',
        });
  work.then(
    () => process.send?.({ id: command.id, ok: true } satisfies FleetReply),
    (error: unknown) => process.send?.({ id: command.id, ok: false, error: String(error) } satisfies FleetReply),
  );
});
process.send?.({ ready: true } satisfies FleetReply);
const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
setInterval(() => {
  const m = process.memoryUsage();
  process.send?.({
    memory: { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external) },
  } satisfies FleetReply);
}, 1000).unref();
let stopping: Promise<void> | undefined;
const stop = () => void (stopping ??= jobs.stop().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The benchmark that started it is gone (stopped by hand): it leaves the fleet too.
process.once('disconnect', stop);
