import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_LD_ADMIN, DEMO_TENANT_ID } from '../bot/demo/demo-team.js';
import { startAzurite, type RunningAzurite } from './lib/azurite.js';
import { startPlayground } from './lib/playground.js';
import { startServiceProcess } from './lib/service-process.js';
import { ensureTabBuilt } from './lib/tab-build.js';
import { isStopping, onStop, portFree, requireFreePorts, stopAll, stopAllOnSignals } from './lib/local-run.js';

/**
 * `npm start`: the whole app on this machine — Azurite (data in .azurite/), the service with
 * the tab on :3978 (demo data on an empty store) and the Microsoft 365 Agents Playground on
 * :56150 as the Teams client. Ctrl-C stops everything.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICE_PORT = Number(process.env.PORT ?? 3978);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const openBrowser = process.argv.includes('--browser') || process.env.PLAYGROUND_BROWSER === '1';

async function main(): Promise<void> {
  stopAllOnSignals();
  process.chdir(root);

  await requireFreePorts([
    [SERVICE_PORT, 'the service (set PORT)'],
    [PLAYGROUND_PORT, 'the Agents Playground (set PLAYGROUND_PORT)'],
  ]);

  ensureTabBuilt(root);

  // Azurite's usual ports let Storage Explorer connect; if taken, the OS picks free ones.
  const defaults = (await portFree(10001)) && (await portFree(10002)) && (await portFree(10000));
  const azurite: RunningAzurite = await startAzurite({
    location: path.join(root, '.azurite'),
    ...(defaults ? { blobPort: 10000, queuePort: 10001, tablePort: 10002 } : {}),
  });
  onStop(azurite.stop);
  console.log(`Azurite: tables on 127.0.0.1:${azurite.tablePort}, queues on 127.0.0.1:${azurite.queuePort} (data in .azurite/)`);

  const service = await startServiceProcess({
    port: SERVICE_PORT,
    env: {
      LEARNING_LOOP_MODE: 'local',
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      SEED_DEMO_DATA: 'true',
      LD_ADMINS: process.env.LD_ADMINS ?? `${DEMO_TENANT_ID}:${DEMO_LD_ADMIN.userId}`,
      TAB_DIST_DIR: path.join(root, 'tab/dist'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    },
    onExit: (code) => {
      if (!isStopping()) {
        console.error(`The service stopped unexpectedly (exit code ${code}).`);
        void stopAll(1);
      }
    },
  });
  onStop(service.stop);

  const playground = await startPlayground({
    botEndpoint: `http://127.0.0.1:${SERVICE_PORT}/api/messages`,
    port: PLAYGROUND_PORT,
    cwd: root,
    openBrowser,
  });
  onStop(playground.stop);

  console.log(
    [
      '',
      'Learning Loop is running.',
      `  Teams client (Microsoft 365 Agents Playground): ${playground.url}`,
      '      Type "check in" in the personal chat.',
      `  Tab, "My learning" (local mode, demo identities): ${service.url}/personal`,
      `  Tab, "Team dashboard" (as the demo lead, Alex):      ${service.url}/team`,
      `  Tab, "Learning report" (as the L&D admin, Patti):    ${service.url}/admin?user=${DEMO_LD_ADMIN.userId}`,
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
