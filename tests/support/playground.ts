import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'node_modules/.bin/agentsplayground');

/** The mock tenant of the demo organisation, used unless a test asks for another file. */
export const DEMO_PLAYGROUND_CONFIG = path.join(ROOT, '.m365agentsplayground.yml');

/** `direction` of a recorded request: the Playground calling the bot's messaging endpoint. */
export const TO_BOT = 'Microsoft 365 Agents Playground -> User Application';
/** `direction` of a recorded request: the bot calling the Playground's mock connector. */
export const FROM_BOT = 'User Application -> Microsoft 365 Agents Playground';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Defaults to a free port. If the port is taken the Playground picks another; `port` tells which. */
  port?: number;
  /**
   * Its working folder: it writes `devTools/` here (its log and the `--er` recordings).
   * Defaults to a new temporary folder that `stop()` removes.
   */
  cwd?: string;
  /** Defaults to the repository's `.m365agentsplayground.yml` (the demo organisation). */
  configPath?: string;
  /** `--er`: record every request between the Playground and the bot, bodies included. */
  recordEvents?: boolean;
  /** How long to wait for it to answer HTTP. Default 30 s (it usually takes under 1 s). */
  startTimeoutMs?: number;
}

/** One entry of an `--er` recording (`devTools/events_recording_*.log`). */
export interface RecordedEvent {
  logId: string;
  timestamp: number;
  conversationId: string;
  /** {@link TO_BOT} or {@link FROM_BOT}. */
  direction: string;
  /** The activity type (`message`, `invoke`, `installationUpdate`…). */
  activityName: string;
  messageId?: string;
  request: { url?: string; method?: string; headers?: Record<string, string>; body: unknown };
  response?: { statusCode: number; body: unknown };
  displayText?: string;
}

export interface RunningPlayground {
  /** The web client: open it in the browser. */
  url: string;
  port: number;
  /** Its own log: start-up errors (a rejected config file, for one) are written only here. */
  logFile: string;
  /** Stops the process group and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
  /** The `--er` recording so far (empty without `recordEvents`); still readable after `stop()`. */
  recordedEvents(): Promise<RecordedEvent[]>;
}

/**
 * Starts the Microsoft 365 Agents Playground (the local Teams client and mock Bot Connector)
 * against a bot. Resolves once it has loaded its config and serves its web client.
 *
 * Start the bot first: when the web client opens, the Playground waits up to 15 s for the
 * bot's endpoint to answer before the page finishes loading.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  if (!existsSync(CLI)) throw new Error(`The Agents Playground CLI is missing (${CLI}): run npm install.`);
  const configPath = path.resolve(options.configPath ?? DEMO_PLAYGROUND_CONFIG);
  // A missing file would make it fall back to its built-in tenant without a word.
  if (!existsSync(configPath)) throw new Error(`No Agents Playground config at ${configPath}`);

  const ownsCwd = options.cwd === undefined;
  const cwd = options.cwd ?? mkdtempSync(path.join(tmpdir(), 'agents-playground-'));
  const devTools = path.join(cwd, 'devTools');
  mkdirSync(devTools, { recursive: true });
  const logFile = path.join(devTools, 'm365agentsplayground.log');
  const recordingsBefore = new Set(recordingFiles(devTools));
  const requestedPort = options.port ?? (await freePort());

  const args = [CLI, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(requestedPort), '--dt'];
  if (options.recordEvents) args.push('--er');
  const child = spawn(process.execPath, args, {
    cwd,
    env: {
      ...process.env,
      // Without this it tries to open a desktop browser and exits where there is none.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stop() can end it and anything it starts.
    detached: true,
  });
  const output = new OutputTail();
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  // If the test process goes away without stop(), take the Playground with it.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const cleanUp = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child, exited, () => hasExited);
    if (ownsCwd) rmSync(cwd, { recursive: true, force: true });
  };

  const describe = async (what: string) =>
    `${what}\n--- its output ---\n${output.text() || '(none)'}\n--- ${logFile} ---\n${await tail(logFile)}`;

  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + startTimeoutMs;
  let port: number | undefined;
  let lastProblem = 'no answer yet';
  try {
    for (;;) {
      if (hasExited) {
        throw new Error(await describe(`The Agents Playground exited during start-up (${await exited}).`));
      }
      if (Date.now() > deadline) {
        throw new Error(
          await describe(`The Agents Playground did not become ready within ${startTimeoutMs} ms (${lastProblem}).`),
        );
      }
      // It prints "Listening on N"; N differs from the requested port when that one was taken.
      port ??= output.listeningPort();
      if (port !== undefined) {
        // This route exists only once the config has been read and accepted.
        const probe = await httpGet(`http://127.0.0.1:${port}/_internal/v1/testConfig`);
        if (probe.ok) break;
        lastProblem = probe.problem;
      }
      await Promise.race([delay(100), exited]);
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }

  let snapshot: RecordedEvent[] | undefined;
  const readRecording = async () => {
    const files = recordingFiles(devTools).filter((f) => !recordingsBefore.has(f));
    const events: RecordedEvent[] = [];
    for (const file of files) events.push(...parseRecording(await readFile(path.join(devTools, file), 'utf8'), file));
    return events.sort((a, b) => a.timestamp - b.timestamp);
  };

  if (port === undefined) throw new Error('unreachable: ready without a port');
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    logFile,
    stop() {
      stopping ??= (async () => {
        if (options.recordEvents) snapshot = await readRecording().catch(() => []);
        await cleanUp();
      })();
      return stopping;
    },
    async recordedEvents() {
      if (!options.recordEvents) return [];
      return snapshot ?? readRecording();
    },
  };
}

/**
 * The `--er` format: pretty-printed JSON objects, each followed by a `---` line. A record
 * still being written (no `---` after it yet) is left for the next read.
 */
export function parseRecording(text: string, source = 'recording'): RecordedEvent[] {
  const parts = text.split(/^---[ \t]*\r?$/m);
  parts.pop(); // whatever follows the last separator: nothing, or an unfinished record
  return parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part, index) => {
      const value: unknown = JSON.parse(part);
      if (!isRecordedEvent(value)) throw new Error(`${source}: record ${index + 1} is not an events-recording entry`);
      return value;
    });
}

function isRecordedEvent(value: unknown): value is RecordedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.direction === 'string' && typeof v.activityName === 'string' && typeof v.request === 'object';
}

function recordingFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith('events_recording_') && f.endsWith('.log'))
    .sort();
}

async function httpGet(url: string): Promise<{ ok: true } | { ok: false; problem: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok ? { ok: true } : { ok: false, problem: `GET ${url} answered ${response.status}` };
  } catch (error) {
    return { ok: false, problem: `GET ${url} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

async function stopChild(child: ChildProcess, exited: Promise<string>, hasExited: () => boolean): Promise<void> {
  if (child.pid === undefined) return;
  if (!hasExited()) killGroup(child, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(5_000).then(() => true)]);
  // Even after the leader has gone, make sure nothing it started lingers in its group.
  killGroup(child, 'SIGKILL');
  if (timedOut) await exited;
}

/** The end of its log, without its `debug` lines (telemetry payloads that repeat the error). */
async function tail(file: string, lines = 25): Promise<string> {
  try {
    const kept = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() && !line.startsWith('debug '));
    return kept.slice(-lines).join('\n') || '(empty)';
  } catch {
    return '(not written)';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The last few KB of a process's stdout and stderr. */
class OutputTail {
  private buffer = '';
  private port: number | undefined;

  push(chunk: Buffer): void {
    this.buffer = (this.buffer + chunk.toString('utf8')).slice(-8_000);
    // Colour codes stripped first.
    const match = /Listening on (\d+)/.exec(this.buffer.replace(/\u001b\[[0-9;]*m/g, ''));
    if (match?.[1] && this.port === undefined) this.port = Number(match[1]);
  }

  listeningPort(): number | undefined {
    return this.port;
  }

  text(): string {
    return this.buffer.trim();
  }
}
