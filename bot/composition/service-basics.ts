import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import { storesOver } from '../service-stores.js';
import type { Clock, IdFactory } from '../services/learner.js';
import type { SendWork } from '../services/send-work.js';
import type { XapiWork } from '../services/xapi-work.js';
import { tableClients, type TableClients } from '../store/table-clients.js';
import { QUEUES, WorkQueue, queueClient } from '../store/work-queue.js';
import type { ServiceOptions } from './service-options.js';

export type ServiceStores = ReturnType<typeof storesOver>;

export interface ServiceQueues {
  sends: WorkQueue<SendWork>;
  poison: WorkQueue<SendWork & { reason: string }>;
  xapi: WorkQueue<XapiWork>;
}

/** What every part of the service is built over: the config, time, ids, this instance's name, the stores and the queues. */
export interface ServiceBasics {
  config: AppConfig;
  logger: Logger;
  clock: Clock;
  newId: IdFactory;
  instanceId: string;
  tables: TableClients;
  stores: ServiceStores;
  queues: ServiceQueues;
}

export function serviceBasics(config: AppConfig, options: ServiceOptions): ServiceBasics {
  const tables = tableClients(config.storage, options.observeStorage);
  const stores = storesOver(tables);
  const xapi = new WorkQueue<XapiWork>(queueClient(config.storage, QUEUES.xapi));
  return {
    config,
    logger: options.logger,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    instanceId: options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`,
    tables,
    stores,
    queues: {
      sends: new WorkQueue<SendWork>(queueClient(config.storage, QUEUES.sends)),
      poison: new WorkQueue<SendWork & { reason: string }>(queueClient(config.storage, QUEUES.poison)),
      xapi,
    },
  };
}
