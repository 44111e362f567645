import { spawn } from 'node:child_process';
import { stopChild } from './azurite.js';

export interface RunningServiceProcess {
  url: string;
  stop(): Promise<void>;
}

/** Runs bot/main.ts in its own process (as in production) and waits until /healthz answers. */
export async function startServiceProcess(options: {
  port: number;
  env: Record<string, string>;
  /** How Node runs it; by default once through tsx (npm start). npm run dev restarts it on change. */
  nodeArgs?: string[];
  onExit?: (code: number | null) => void;
  timeoutMs?: number;
}): Promise<RunningServiceProcess> {
  const child = spawn(process.execPath, options.nodeArgs ?? ['--import', 'tsx', 'bot/main.ts'], {
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  child.once('exit', (code) => {
    exited = true;
    options.onExit?.(code);
  });
  const url = `http://localhost:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error('The service exited during start-up (see its log above).');
    try {
      const res = await fetch(`http://127.0.0.1:${options.port}/healthz`);
      if (res.ok) return { url, stop: () => stopChild(child) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopChild(child);
  throw new Error(`The service did not answer on port ${options.port} within ${options.timeoutMs ?? 60_000} ms.`);
}
