import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { azuriteConnectionString } from '../../bot/config.js';

export interface RunningAzurite {
  connectionString: string;
  tablePort: number;
  queuePort: number;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Keep data in this folder; without it data lives in memory and dies with the process. */
  location?: string;
  /** Fixed ports (npm start); 0 lets the OS pick free ones (tests). */
  tablePort?: number;
  queuePort?: number;
  blobPort?: number;
  startTimeoutMs?: number;
}

const LISTENING = /Azurite (Blob|Queue|Table) service is successfully listening at http:\/\/[^:]+:(\d+)/;

/** Starts the pinned Azurite from node_modules and resolves once Table and Queue listen. */
export function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const require = createRequire(import.meta.url);
  const bin = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist/src/azurite.js');
  const args = [
    bin,
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--blobPort',
    String(options.blobPort ?? 0),
    '--queuePort',
    String(options.queuePort ?? 0),
    '--tablePort',
    String(options.tablePort ?? 0),
    ...(options.location ? ['--location', options.location, '--silent'] : ['--inMemoryPersistence', '--silent']),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ports: Partial<Record<'Blob' | 'Queue' | 'Table', number>> = {};
  let output = '';

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within ${options.startTimeoutMs ?? 20000} ms. Output:\n${output}`));
    }, options.startTimeoutMs ?? 20000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const m = LISTENING.exec(line);
        if (m) ports[m[1] as 'Blob' | 'Queue' | 'Table'] = Number(m[2]);
      }
      if (ports.Table && ports.Queue) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({
          connectionString: azuriteConnectionString('127.0.0.1', ports.Table, ports.Queue),
          tablePort: ports.Table,
          queuePort: ports.Queue,
          stop: () => stopChild(child),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code} before it was ready. Output:\n${output}`));
    });
  });
}

export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
