import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stopChild } from './azurite.js';

export interface RunningPlayground {
  url: string;
  port: number;
  /** Every request between the Playground and the bot, when started with recordEvents. */
  recordedEvents(): unknown[];
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  botEndpoint: string;
  port: number;
  /** Its working folder: where it reads .m365agentsplayground.yml and writes devTools/. */
  cwd: string;
  openBrowser?: boolean;
  recordEvents?: boolean;
  timeoutMs?: number;
  quiet?: boolean;
}

/** Starts the Microsoft 365 Agents Playground (the local Teams client) against our bot. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  const args = [
    cli,
    '-e',
    options.botEndpoint,
    '-c',
    'msteams',
    '-p',
    String(options.port),
    '--dt',
    ...(options.recordEvents ? ['--er'] : []),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Without a desktop the Playground exits when it cannot open a browser; "none" keeps it serving.
  if (!options.openBrowser) env.TEAMSAPPTESTER_BROWSER = 'none';
  const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (!options.quiet) process.stdout.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exitCode: number | null | undefined;
  child.once('exit', (code) => (exitCode = code));

  const url = `http://localhost:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The Agents Playground exited (code ${exitCode}):\n${output.slice(-2000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${options.port}/`);
      if (res.ok) {
        return {
          url,
          port: options.port,
          recordedEvents: () => readRecordedEvents(path.join(options.cwd, 'devTools')),
          stop: () => stopChild(child),
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopChild(child);
  throw new Error(`The Agents Playground did not start on port ${options.port}:\n${output.slice(-2000)}`);
}

/** The `--er` logs hold JSON objects separated by `---` lines. */
function readRecordedEvents(dir: string): unknown[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith('events_recording_') && f.endsWith('.log'))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split(/^---\s*$/m)
        .map((chunk) => chunk.trim())
        .filter(Boolean)
        .map((chunk) => JSON.parse(chunk) as unknown),
    );
}
