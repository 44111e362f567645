import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { DEMO_LD_ADMIN, DEMO_TENANT_ID } from '../bot/demo/demo-team.js';
import { startAzurite } from './lib/azurite.js';
import { startPlayground } from './lib/playground.js';
import { startServiceProcess } from './lib/service-process.js';
import { isStopping, onStop, portFree, requireFreePorts, stopAll, stopAllOnSignals } from './lib/local-run.js';

/**
 * `npm run dev`: what `npm start` runs, for working on it — Azurite (data in .azurite/), the
 * service restarting whenever a file it loads changes (tsx watch), the tab from Vite's dev server
 * with hot reload (its /api calls proxied to the service), and the Agents Playground. Ctrl-C stops
 * everything. `npm run dev -- --inspect` opens the service's inspector on 9229 (VS Code's F5 does
 * this for you: see .vscode/launch.json).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICE_PORT = Number(process.env.PORT ?? 3978);
const TAB_PORT = Number(process.env.TAB_PORT ?? 5173);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const inspect = process.argv.find((a) => a === '--inspect' || a.startsWith('--inspect='));

async function main(): Promise<void> {
  stopAllOnSignals();
  process.chdir(root);

  await requireFreePorts([
    [SERVICE_PORT, 'the service (set PORT)'],
    [TAB_PORT, 'the tab’s dev server (set TAB_PORT)'],
    [PLAYGROUND_PORT, 'the Agents Playground (set PLAYGROUND_PORT)'],
  ]);

  const defaults = (await portFree(10001)) && (await portFree(10002)) && (await portFree(10000));
  const azurite = await startAzurite({
    location: path.join(root, '.azurite'),
    ...(defaults ? { blobPort: 10000, queuePort: 10001, tablePort: 10002 } : {}),
  });
  onStop(azurite.stop);
  console.log(`Azurite: tables on 127.0.0.1:${azurite.tablePort}, queues on 127.0.0.1:${azurite.queuePort} (data in .azurite/)`);

  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const service = await startServiceProcess({
    port: SERVICE_PORT,
    // tsx watch restarts the service when any file it imported changes; the tab is Vite's.
    nodeArgs: [tsxCli, 'watch', '--clear-screen=false', ...(inspect ? [inspect] : []), 'bot/main.ts'],
    env: {
      LEARNING_LOOP_MODE: 'local',
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      SEED_DEMO_DATA: 'true',
      LD_ADMINS: process.env.LD_ADMINS ?? `${DEMO_TENANT_ID}:${DEMO_LD_ADMIN.userId}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    },
    onExit: (code) => {
      if (!isStopping()) {
        console.error(`The service's watcher stopped (exit code ${code}).`);
        void stopAll(1);
      }
    },
  });
  onStop(service.stop);

  process.env.SERVICE_PORT = String(SERVICE_PORT);
  const vite: ViteDevServer = await createViteServer({
    configFile: path.join(root, 'tab/vite.config.ts'),
    server: { port: TAB_PORT, strictPort: true, host: '127.0.0.1' },
  });
  await vite.listen();
  onStop(() => vite.close());
  const tabUrl = `http://localhost:${TAB_PORT}`;

  const playground = await startPlayground({
    botEndpoint: `http://127.0.0.1:${SERVICE_PORT}/api/messages`,
    port: PLAYGROUND_PORT,
    cwd: root,
    openBrowser: false,
  });
  onStop(playground.stop);

  console.log(
    [
      '',
      'Learning Loop is running for development: the service restarts on change, the tab reloads.',
      `  Teams client (Microsoft 365 Agents Playground): ${playground.url}`,
      `  Tab, "My learning" (Vite, hot reload):            ${tabUrl}/personal`,
      `  Tab, "Team dashboard" (as the demo lead, Alex):   ${tabUrl}/team`,
      `  Tab, "Learning report" (as the L&D admin, Patti): ${tabUrl}/admin?user=${DEMO_LD_ADMIN.userId}`,
      `  Service (bot endpoint and API):                   ${service.url}${inspect ? ` — inspector: ${inspect}` : ''}`,
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
