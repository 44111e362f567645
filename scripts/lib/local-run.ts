import { createServer } from 'node:net';

/**
 * What `npm start` and `npm run dev` share: the processes they started, stopped newest first on
 * Ctrl-C, on SIGTERM or when one of them fails, and a check that the ports they need are free.
 */
const stops: Array<() => Promise<void>> = [];
let stopping = false;

/** Registers what to do to stop a part; parts stop in the reverse order they started. */
export function onStop(stop: () => Promise<void>): void {
  stops.push(stop);
}

export async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nStopping Learning Loop…');
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  process.exit(code);
}

/** True once everything is being stopped: a part exiting then is expected, not a failure. */
export function isStopping(): boolean {
  return stopping;
}

/** Ctrl-C and SIGTERM stop everything started so far. */
export function stopAllOnSignals(): void {
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
}

export async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

/** Refuses to start over a busy port, saying which part needs it and how to move it. */
export async function requireFreePorts(ports: ReadonlyArray<readonly [number, string]>): Promise<void> {
  for (const [port, what] of ports) {
    if (!(await portFree(port)))
      throw new Error(`Port ${port} is in use; it is needed for ${what}. Stop what uses it, or choose another port.`);
  }
}
