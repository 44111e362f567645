import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ConnectorStats, RecordedRequest } from './connector-model.js';
import type { TeamsConnectorOptions } from './teams-connector.js';

/** What the process is started with: the connector's options (data only) and the texts to count cards by. */
export interface ConnectorProcessSettings {
  options: Omit<TeamsConnectorOptions, 'conversationIdFor' | 'now' | 'random'>;
  /** Name → a text a card carries: the conversations sent a card with it are counted as they come. */
  markers?: Record<string, string>;
}

export type ConnectorProcessOrder = 'finish';

/** Everything the connector saw, once the round is over. */
export interface ConnectorProcessReport {
  log: RecordedRequest[];
  stats: Omit<ConnectorStats, 'tenants' | 'deliveries' | 'scripted' | 'firstDeliveryAt'>;
  marked: Record<string, { conversations: string[]; deliveries: number }>;
  /** When the tenant was told to wait in a 429 burst, and until when (ms). */
  burstWindows: Array<[number, number]>;
  /** How late the connector's own event loop ran (ms). */
  loopDelayMs: { p99: number; max: number };
}

/** As last told (every 100 ms): each marker's conversations delivered so far, and when the last new message was accepted. */
export interface ConnectorProgress {
  marked: Record<string, number>;
  lastDeliveryAt: number | undefined;
}

type Message = { serviceUrl: string } | { progress: ConnectorProgress } | { report: ConnectorProcessReport };

export interface ConnectorProcess {
  serviceUrl: string;
  pid: number | undefined;
  progress(): ConnectorProgress;
  /** Ends the connector and hands back what it saw. */
  finish(): Promise<ConnectorProcessReport>;
}

const main = fileURLToPath(new URL('./connector-process-main.ts', import.meta.url));

/**
 * The Teams connector stand-in in a child process: a benchmark whose own process also serves the
 * storage proxy keeps that work off the loop that stamps arrivals, which a late loop bunches.
 */
export async function startConnectorProcess(settings: ConnectorProcessSettings): Promise<ConnectorProcess> {
  const child = fork(main, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TEAMS_CONNECTOR_SETTINGS: JSON.stringify(settings) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let progress: ConnectorProgress = { marked: {}, lastDeliveryAt: undefined };
  let report: ((r: ConnectorProcessReport) => void) | undefined;
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the connector's process ended (${code}) before it listened`)));
    child.on('message', (m: Message) => {
      if ('serviceUrl' in m) resolve(m.serviceUrl);
      else if ('progress' in m) progress = m.progress;
      else report?.(m.report);
    });
  });
  child.removeAllListeners('exit');
  return {
    serviceUrl,
    pid: child.pid,
    progress: () => progress,
    finish: () =>
      new Promise<ConnectorProcessReport>((resolve, reject) => {
        report = resolve;
        child.once('exit', (code) => reject(new Error(`the connector's process ended (${code}) without its report`)));
        child.send('finish' satisfies ConnectorProcessOrder);
      }),
  };
}
