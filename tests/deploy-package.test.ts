import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { channelSigningKey, startChannelKeyServer, type ChannelKeyServer } from '../bot/testing/fake-channel-keys.js';
import { APP_DIR, ZIP_FILE } from '../scripts/package.js';
import { stopChild } from '../scripts/lib/azurite.js';
import { listFiles, unzipTo } from '../scripts/lib/zip.js';
import { bicepAppSettings } from './support/bicep-text.js';

const root = path.resolve(import.meta.dirname, '..');

/** What the artifact is built from: a zip newer than all of it is reused. */
const SOURCES = ['bot', 'tab', 'scripts/package.ts', 'scripts/lib/zip.ts', 'package-lock.json', '.nvmrc'];

function newest(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .reduce((n, name) => Math.max(n, newest(path.join(file, name))), stat.mtimeMs);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

/**
 * The deploy artifact, as App Service gets it: built by `npm run package`, unpacked in a folder
 * with no project around it (so nothing resolves from the repository's node_modules), and started
 * with the command and heap cap infra/modules/web-app.bicep gives it, a real tenant's settings and
 * Application Insights on, against this run's Azurite.
 */
describe('the deploy artifact (npm run package)', () => {
  let unpacked: string;
  let keys: ChannelKeyServer;
  let service: ChildProcess;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    const fresh = existsSync(ZIP_FILE) && statSync(ZIP_FILE).mtimeMs > Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
    if (!fresh) {
      const built = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
      expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
    }
    unpacked = mkdtempSync(path.join(tmpdir(), 'learning-loop-package-'));
    unzipTo(ZIP_FILE, unpacked);

    keys = await startChannelKeyServer([await channelSigningKey('channel-key-1')]);
    const port = await freePort();
    const settings = Object.fromEntries(
      bicepAppSettings(readFileSync(path.join(root, 'infra/modules/web-app.bicep'), 'utf8')).map((s) => [s.name, s.value]),
    );
    const nodeOptions = /^'(.*)'$/.exec(settings.NODE_OPTIONS ?? '')?.[1];
    expect(nodeOptions).toMatch(/--max-old-space-size=\d+/);
    const command = /appCommandLine: '([^']+)'/.exec(readFileSync(path.join(root, 'infra/modules/web-app.bicep'), 'utf8'))?.[1];
    expect(command).toBe('node server/main.js');

    service = spawn(process.execPath, command!.split(' ').slice(1), {
      cwd: unpacked,
      // Only what App Service would set: no PATH into the project, no NODE_PATH.
      env: {
        PATH: path.dirname(process.execPath),
        NODE_ENV: 'production',
        // Production mode reaches storage only through a managed identity; Azurite takes a connection
        // string, which local mode alone accepts. With credentials set, the mode must be stated.
        LEARNING_LOOP_MODE: 'local',
        NODE_OPTIONS: nodeOptions,
        PORT: String(port),
        HOST: '127.0.0.1',
        STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
        TABLE_PREFIX: `pkg${Date.now().toString(36)}`,
        MICROSOFT_APP_ID: randomUUID(),
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TYPE: 'SingleTenant',
        MICROSOFT_APP_TENANT_ID: randomUUID(),
        BOT_OPENID_METADATA_URL: keys.metadataUrl,
        AAD_APP_CLIENT_ID: randomUUID(),
        TEAMS_APP_ID: randomUUID(),
        LD_ADMINS: `${randomUUID()}:${randomUUID()}`,
        // Loads the external Application Insights packages; the exporter's sends fail quietly.
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${randomUUID()};IngestionEndpoint=https://127.0.0.1:9/`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    service.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && service.exitCode === null) {
      const ok = await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`The packaged service did not answer /healthz (exit code ${service.exitCode}):\n${output.slice(-3000)}`);
  }, 300_000);

  afterAll(async () => {
    if (service) await stopChild(service);
    await keys?.stop();
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  });

  it('answers /healthz with 200, with telemetry on', async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(output).toContain('"telemetry":true');
  });

  it('serves the built tab', async () => {
    const res = await fetch(`${baseUrl}/personal`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<script type="module"[^>]+src="\/assets\/[^"]+\.js"/);
  });

  it('refuses an unsigned activity on /api/messages: the bundled Bot Framework adapter checks tokens', async () => {
    const res = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'check in', channelId: 'msteams', serviceUrl: 'https://smba.example/' }),
    });
    expect(res.status).toBe(401);
  });

  it('holds only what runs: no package the bundles already hold, no sources, maps or type declarations', () => {
    const files = listFiles(APP_DIR).map((f) => f.split(path.sep).join('/'));
    expect(files).toContain('server/main.js');
    expect(files).toContain('tab/dist/index.html');
    const packages = new Set(
      files
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(1, f.startsWith('node_modules/@') ? 3 : 2)
            .join('/'),
        ),
    );
    expect(packages.has('@azure/monitor-opentelemetry')).toBe(true);
    // In the tab's bundle (the first four) or the service's (the rest), or used by neither.
    for (const bundled of [
      'react',
      'react-dom',
      '@fluentui/react-components',
      '@microsoft/teams-js',
      'botbuilder',
      'express',
      'typescript',
      'vite',
    ]) {
      expect(packages.has(bundled), bundled).toBe(false);
    }
    expect(files.filter((f) => /\.(map|tsx?)$/.test(f))).toEqual([]);
    expect(statSync(ZIP_FILE).size / 1024 / 1024).toBeLessThanOrEqual(50);
  });
});
