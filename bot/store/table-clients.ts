import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import type { StorageConfig } from '../config.js';

export const TABLES = {
  entries: 'Entries',
  conversations: 'Conversations',
  users: 'Users',
  teams: 'Teams',
  memberships: 'Memberships',
  sends: 'Sends',
  dueIndex: 'DueIndex',
  leases: 'Leases',
  rollups: 'Rollups',
  shares: 'Shares',
  nudges: 'Nudges',
  goals: 'Goals',
  admins: 'Admins',
  coaching: 'Coaching',
  recommendations: 'Recommendations',
  digests: 'Digests',
  aggregates: 'Aggregates',
  lrs: 'LrsSettings',
  xapiOutbox: 'XapiOutbox',
  xapiSent: 'XapiSent',
  audit: 'Audit',
  orgFigures: 'OrgFigures',
  shareAsks: 'ShareAsks',
  oneToOne: 'OneToOne',
} as const;

export type TableName = keyof typeof TABLES;
export type TableClients = Record<TableName, TableClient>;

/** A table's name in the account: prefixed, so several environments (or test runs) can share one account. */
export function tableName(prefix: string, table: string): string {
  return `${prefix}${table}`;
}

export function tableClients(storage: StorageConfig, observe?: StorageObserver): TableClients {
  const options: TableServiceClientOptions = {
    // Lets a caller count the storage requests a piece of work makes (the dashboard benchmark does).
    ...(observe ? { additionalPolicies: [{ policy: observerPolicy(observe), position: 'perCall' as const }] } : {}),
    allowInsecureConnection: storage.kind === 'connectionString',
    // A card action must be answered within Teams' 5 s; a few quick retries, then we say so.
    retryOptions: { maxRetries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 800 },
  };
  const make = (table: string): TableClient => {
    const name = tableName(storage.tablePrefix, table);
    return storage.kind === 'connectionString'
      ? TableClient.fromConnectionString(storage.connectionString, name, options)
      : // Production reaches storage with the app's managed identity, never an account key.
        new TableClient(storage.tableEndpoint, name, new DefaultAzureCredential(), options);
  };
  return {
    entries: make(TABLES.entries),
    conversations: make(TABLES.conversations),
    users: make(TABLES.users),
    teams: make(TABLES.teams),
    memberships: make(TABLES.memberships),
    sends: make(TABLES.sends),
    dueIndex: make(TABLES.dueIndex),
    leases: make(TABLES.leases),
    rollups: make(TABLES.rollups),
    shares: make(TABLES.shares),
    nudges: make(TABLES.nudges),
    goals: make(TABLES.goals),
    admins: make(TABLES.admins),
    coaching: make(TABLES.coaching),
    recommendations: make(TABLES.recommendations),
    digests: make(TABLES.digests),
    aggregates: make(TABLES.aggregates),
    lrs: make(TABLES.lrs),
    xapiOutbox: make(TABLES.xapiOutbox),
    xapiSent: make(TABLES.xapiSent),
    audit: make(TABLES.audit),
    orgFigures: make(TABLES.orgFigures),
    shareAsks: make(TABLES.shareAsks),
    oneToOne: make(TABLES.oneToOne),
  };
}

/** Told of every request the table clients make (retries included). */
export type StorageObserver = (request: { method: string; url: string }) => void;

function observerPolicy(observe: StorageObserver): NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'] {
  return {
    name: 'storageObserver',
    sendRequest: (request, next) => {
      observe({ method: request.method, url: request.url });
      return next(request);
    },
  };
}

export async function ensureTables(storage: StorageConfig): Promise<void> {
  const service =
    storage.kind === 'connectionString'
      ? TableServiceClient.fromConnectionString(storage.connectionString, { allowInsecureConnection: true })
      : new TableServiceClient(storage.tableEndpoint, new DefaultAzureCredential());
  await Promise.all(Object.values(TABLES).map((t) => service.createTable(tableName(storage.tablePrefix, t))));
}
