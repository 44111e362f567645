import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { azuriteConnectionString } from '../../bot/config.js';
import { QueueShards } from './queue-shards.js';
import { continuationShard, shardContinuation, shardOf, tableTargetOf } from './table-shards.js';

/**
 * A proxy in front of Azurite's table and queue endpoints that makes it answer more like Azure
 * Storage over a network: every request waits a round trip (latency with jitter), and a set share
 * of requests is refused with the errors Table and Queue Storage give under load — `503
 * ServerBusy` and `500 OperationTimedOut`, in the bodies and headers the Azure SDKs read, so their
 * retry policies treat them as they would in Azure. It counts what passes (by table and by queue,
 * how many at once), which is how a benchmark reports the storage requests an operation makes.
 *
 * Built on node:http alone: it forwards whole requests and never needs streaming, upgrades or
 * TLS, which is all a proxy library would add.
 */
export interface StorageProxyOptions {
  /** Round-trip time added to every request, in ms (default 15). */
  latencyMs?: number;
  /** Each request's delay is drawn uniformly within ± this of latencyMs (default a third of it). */
  jitterMs?: number;
  /** Share of requests refused with 503 ServerBusy, before they reach storage (default 0). */
  serverBusyRate?: number;
  /** Share of requests answered 500 OperationTimedOut (default 0). */
  timeoutRate?: number;
  /**
   * Share of those timeouts that were applied in storage all the same, as Azure warns may
   * happen ("the operation may or may not have succeeded"): a retry then meets its own write
   * (default 0.5).
   */
  timeoutsAppliedRate?: number;
  /** A source of numbers in [0, 1): seed it (`seededRandom`) for runs that repeat. */
  random?: () => number;
  /** How a delay is waited; tests pass their own to hold or skip it. */
  sleep?: (ms: number) => Promise<void>;
}

export type FaultSettings = Pick<StorageProxyOptions, 'latencyMs' | 'jitterMs' | 'serverBusyRate' | 'timeoutRate' | 'timeoutsAppliedRate'>;

export interface StorageCounters {
  /** Every request that reached the proxy, refused ones and SDK retries included. */
  requests: number;
  /** By table name (a `$batch` is counted under the table its operations address). */
  byTable: Record<string, number>;
  /** By queue name. */
  byQueue: Record<string, number>;
  inFlight: number;
  maxInFlight: number;
  serverBusy: number;
  operationTimedOut: number;
  /** Connections dropped because storage could not be reached or broke off: the SDK sees a network error. */
  dropped: number;
  /** The delays drawn, in ms. */
  delay: { count: number; totalMs: number; minMs: number; maxMs: number };
  /** Queries across partitions, read shard by shard (only when the tables are spread over several processes). */
  acrossShards: number;
}

export interface StorageProxy {
  /** Azurite's connection string with both endpoints pointing at the proxy. */
  connectionString: string;
  tablePort: number;
  queuePort: number;
  counters(): StorageCounters;
  /** Zeroes the counters; the high-water mark starts again from what is in flight now. */
  resetCounters(): void;
  /** Changes the latency or the error rates from the next request on (seeding at 0, measuring at 15 ms). */
  set(settings: FaultSettings): void;
  stop(): Promise<void>;
}

type Service = 'table' | 'queue';

/** A small, fast generator of numbers in [0, 1) (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The table and queue ports of an Azurite connection string. */
export function azuritePortsOf(connectionString: string): { host: string; tablePort: number; queuePort: number } {
  const port = (endpoint: string) => {
    const m = new RegExp(`${endpoint}=http://([^:/]+):(\\d+)/`).exec(connectionString);
    if (!m) throw new Error(`no ${endpoint} in the connection string`);
    return { host: m[1]!, port: Number(m[2]) };
  };
  const table = port('TableEndpoint');
  return { host: table.host, tablePort: table.port, queuePort: port('QueueEndpoint').port };
}

export async function startStorageProxy(
  upstream: {
    host: string;
    tablePort: number;
    queuePort: number;
    /**
     * Table ports of several Azurite processes, each holding the partitions that hash to it
     * (`table-shards.ts`): a table's requests then cost what its partitions' share of it costs, not
     * the whole table's. Without it, every table request goes to `tablePort`.
     */
    tableShards?: readonly number[];
    /** Queue ports of several Azurite processes, each holding a share of every queue's messages (`queue-shards.ts`). */
    queueShards?: readonly number[];
  },
  options: StorageProxyOptions = {},
): Promise<StorageProxy> {
  const settings = {
    latencyMs: 15,
    jitterMs: undefined as number | undefined,
    serverBusyRate: 0,
    timeoutRate: 0,
    timeoutsAppliedRate: 0.5,
  };
  const set = (s: FaultSettings) => {
    settings.latencyMs = s.latencyMs ?? settings.latencyMs;
    // A latency given without jitter gets its own default jitter, not the previous latency's.
    settings.jitterMs = s.jitterMs ?? (s.latencyMs === undefined ? settings.jitterMs : undefined);
    settings.serverBusyRate = s.serverBusyRate ?? settings.serverBusyRate;
    settings.timeoutRate = s.timeoutRate ?? settings.timeoutRate;
    settings.timeoutsAppliedRate = s.timeoutsAppliedRate ?? settings.timeoutsAppliedRate;
  };
  set(options);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let counters = emptyCounters(0);
  let inFlight = 0;

  const drawDelay = (): number => {
    const jitter = settings.jitterMs ?? settings.latencyMs / 3;
    return Math.max(0, settings.latencyMs - jitter + random() * 2 * jitter);
  };

  const shards = upstream.tableShards?.length ? upstream.tableShards : [upstream.tablePort];
  const toTables = async (req: http.IncomingMessage, body: Buffer): Promise<Answer> => {
    if (shards.length === 1) return forward(agent, upstream.host, shards[0]!, req, body);
    const target = tableTargetOf(req.method ?? 'GET', req.url ?? '/', body);
    if (target.kind === 'partition') return forward(agent, upstream.host, shards[shardOf(target.partitionKey, shards.length)]!, req, body);
    if (target.kind === 'tables') return (await Promise.all(shards.map((port) => forward(agent, upstream.host, port, req, body))))[0]!;
    counters.acrossShards++;
    return acrossShards(req, body);
  };
  /** One page of a query across partitions, from the shard its continuation names; the next page's continuation names the next shard. */
  const acrossShards = async (req: http.IncomingMessage, body: Buffer): Promise<Answer> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const { shard, own } = continuationShard(url.searchParams.get('NextPartitionKey'));
    if (own === undefined) {
      url.searchParams.delete('NextPartitionKey');
      url.searchParams.delete('NextRowKey');
    } else url.searchParams.set('NextPartitionKey', own);
    const answer = await forward(agent, upstream.host, shards[shard]!, req, body, `${url.pathname}${url.search}`);
    const next = answer.headers['x-ms-continuation-nextpartitionkey'];
    if (typeof next === 'string') answer.headers['x-ms-continuation-nextpartitionkey'] = shardContinuation(shard, next);
    else if (shard + 1 < shards.length && answer.status === 200) {
      answer.headers['x-ms-continuation-nextpartitionkey'] = shardContinuation(shard + 1, '');
      delete answer.headers['x-ms-continuation-nextrowkey'];
    }
    return answer;
  };
  const queueShards = upstream.queueShards?.length ? upstream.queueShards : [upstream.queuePort];
  const queueRouter = new QueueShards(queueShards.length);
  const toQueues = (req: http.IncomingMessage, body: Buffer): Promise<Answer> =>
    queueShards.length === 1
      ? forward(agent, upstream.host, upstream.queuePort, req, body)
      : queueRouter.route(req.method ?? 'GET', req.url ?? '/', (shard, path) =>
          forward(agent, upstream.host, queueShards[shard]!, req, body, path),
        );

  const handle = (service: Service) => async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const send = service === 'table' ? toTables : toQueues;
    const body = await readBody(req);
    counters.requests++;
    const name = service === 'table' ? tableOf(req.url ?? '/', body) : queueOf(req.url ?? '/');
    const byName = service === 'table' ? counters.byTable : counters.byQueue;
    byName[name] = (byName[name] ?? 0) + 1;
    const mine = counters;
    inFlight++;
    mine.maxInFlight = Math.max(mine.maxInFlight, inFlight);
    try {
      const delay = drawDelay();
      mine.delay.count++;
      mine.delay.totalMs += delay;
      mine.delay.minMs = Math.min(mine.delay.minMs, delay);
      mine.delay.maxMs = Math.max(mine.delay.maxMs, delay);
      if (delay > 0) await sleep(delay);
      const draw = random();
      if (draw < settings.serverBusyRate) {
        mine.serverBusy++;
        return answerError(res, service, req, 'ServerBusy');
      }
      if (draw < settings.serverBusyRate + settings.timeoutRate) {
        mine.operationTimedOut++;
        if (random() < settings.timeoutsAppliedRate) await send(req, body);
        return answerError(res, service, req, 'OperationTimedOut');
      }
      const answer = await send(req, body);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      // Storage unreachable or the caller gone: drop the connection, as a network failure would.
      mine.dropped++;
      req.socket.destroy();
    } finally {
      inFlight--;
    }
  };

  const tables = http.createServer((req, res) => void handle('table')(req, res));
  const queues = http.createServer((req, res) => void handle('queue')(req, res));
  const tablePort = await listen(tables);
  const queuePort = await listen(queues);
  return {
    connectionString: azuriteConnectionString('127.0.0.1', tablePort, queuePort),
    tablePort,
    queuePort,
    counters: () => ({ ...structuredClone(counters), inFlight }),
    resetCounters: () => {
      counters = emptyCounters(inFlight);
    },
    set,
    stop: async () => {
      await Promise.all([close(tables), close(queues)]);
      agent.destroy();
    },
  };
}

/** Requests already in flight when the counters are zeroed finish against the counters they started with. */
function emptyCounters(inFlight: number): StorageCounters {
  return {
    requests: 0,
    byTable: {},
    byQueue: {},
    inFlight,
    maxInFlight: inFlight,
    serverBusy: 0,
    operationTimedOut: 0,
    dropped: 0,
    delay: { count: 0, totalMs: 0, minMs: Infinity, maxMs: 0 },
    acrossShards: 0,
  };
}

/**
 * The table a request addresses: the last path segment without its key (`Entries(PartitionKey=…)`,
 * `Entries()`, `Tables`); a batch names it inside its body, on each operation's request line.
 */
export function tableOf(url: string, body: Buffer): string {
  const path = url.split('?')[0]!;
  const last = path.split('/').filter(Boolean).at(-1) ?? '';
  if (last !== '$batch') return last.replace(/\(.*$/, '');
  const line = /^(?:GET|POST|PUT|PATCH|MERGE|DELETE) (\S+) HTTP\/1\.1/m.exec(body.toString('latin1'));
  return line ? tableOf(new URL(line[1]!, 'http://x').pathname, Buffer.alloc(0)) : '$batch';
}

/** The queue a request addresses: path-style, as Azurite takes it (`/account/queue/messages`). */
export function queueOf(url: string): string {
  return url.split('?')[0]!.split('/').filter(Boolean)[1] ?? '(service)';
}

const MESSAGES = {
  ServerBusy: { status: 503, reason: 'Service Unavailable', text: 'The server is busy.' },
  OperationTimedOut: { status: 500, reason: 'Internal Server Error', text: 'Operation could not be completed within the specified time.' },
} as const;

/**
 * The error as Azure Storage sends it: Table Storage in OData JSON (`odata.error`, which
 * @azure/data-tables parses into `details.odataError`), Queue Storage in XML; both with the
 * `x-ms-error-code` header. No Retry-After: Storage sends none, so the SDKs back off exponentially.
 */
function answerError(res: http.ServerResponse, service: Service, req: http.IncomingMessage, code: keyof typeof MESSAGES): void {
  const requestId = randomUUID();
  const { status, reason, text } = MESSAGES[code];
  const message = `${text}\nRequestId:${requestId}\nTime:${new Date().toISOString()}`;
  const body =
    service === 'table'
      ? JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } })
      : `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, reason, {
    'content-type': service === 'table' ? 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8' : 'application/xml',
    'x-ms-error-code': code,
    'x-ms-request-id': requestId,
    'x-ms-version': String(req.headers['x-ms-version'] ?? '2019-02-02'),
    date: new Date().toUTCString(),
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(agent: http.Agent, host: string, port: number, req: http.IncomingMessage, body: Buffer, path = req.url): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const upstream = http.request({ host, port, agent, method: req.method, path, headers: req.headers }, (up) => {
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.once('end', () => {
        // The body is sent whole with its length: the upstream's chunked framing no longer applies.
        const headers = { ...up.headers };
        delete headers['transfer-encoding'];
        const whole = Buffer.concat(chunks);
        resolve({ status: up.statusCode ?? 502, headers: { ...headers, 'content-length': String(whole.length) }, body: whole });
      });
      up.once('error', reject);
    });
    upstream.once('error', reject);
    upstream.end(body);
  });
}

function listen(server: http.Server): Promise<number> {
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
