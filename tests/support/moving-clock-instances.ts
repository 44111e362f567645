import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { StorageConfig } from '../../bot/config.js';
import { buildService, type Service } from '../../bot/service.js';
import { localConfig } from '../../bot/testing/local-config.js';

/** One instance of the service over the shared storage, listening on a free port. */
export interface Instance extends Service {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Instances of the service over one storage, on a clock the test moves, whose scheduler and send
 * worker run only when the test says: for tests of what happens across restarts and between
 * instances (a follow-up's reminder, a lead's weekly card).
 */
export function movingClockInstances(storage: () => StorageConfig, clock: () => Date) {
  const running: Instance[] = [];
  return {
    /** Every instance started and not yet dropped by the test. */
    running,
    async start(instanceId: string): Promise<Instance> {
      const service = buildService(localConfig(storage()), { logger: pino({ level: 'silent' }), clock, instanceId });
      const server: Server = service.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const instance: Instance = {
        ...service,
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        stop: () => new Promise((resolve) => server.close(() => resolve())),
      };
      running.push(instance);
      return instance;
    },
    /** The instances' schedulers tick at once, then their workers drain the queue together, as App Service instances would. */
    async runJobs(instances: Instance[]): Promise<void> {
      await Promise.all(instances.map((i) => i.scheduler.tick()));
      for (let drained = 1; drained > 0;)
        drained = (await Promise.all(instances.map((i) => i.worker.drainOnce()))).reduce((a, b) => a + b, 0);
    },
  };
}

/** Posts an activity to an instance's bot endpoint, answering the invoke's body (`{}` for a message). */
export async function postTo(on: Instance, activity: unknown): Promise<{ value?: unknown }> {
  const res = await fetch(`${on.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as { value?: unknown };
}
