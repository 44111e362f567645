import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { seedDemoData } from '../bot/demo/seed-demo-data.js';
import { DEMO_LD_ADMIN, DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../bot/demo/demo-team.js';
import { buildService } from '../bot/service.js';
import { ensureTables } from '../bot/store/table-clients.js';
import { localConfig } from '../bot/testing/local-config.js';
import { launchChromium } from '../tests/e2e/support/chromium.js';
import { startAzurite } from './lib/azurite.js';
import { ensureTabBuilt } from './lib/tab-build.js';

/**
 * `npx tsx scripts/readme-screenshot.ts`: redraws the README's picture, docs/screenshots/dashboard.png —
 * the demo team's dashboard as its lead sees it under `npm start`, in the light theme. The service
 * runs over an in-memory Azurite of its own, so a running `npm start` and its data are left alone.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/screenshots/dashboard.png');
const lead = DEMO_PEOPLE[0]!;

ensureTabBuilt(root);
const azurite = await startAzurite();
try {
  const config = localConfig(
    { kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'readme' },
    { tabDistDir: path.join(root, 'tab/dist'), ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: DEMO_LD_ADMIN.userId }] },
  );
  await ensureTables(config.storage);
  const service = buildService(config, { logger: pino({ level: 'silent' }) });
  await seedDemoData({ ...service, now: new Date() });
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/team?user=${lead.userId}&team=${encodeURIComponent(DEMO_TEAM.id)}&theme=light`);
    await page.getByTestId('member-row').first().waitFor();
    await page.locator('[data-testid="dashboard-charts"] svg').first().waitFor();
    mkdirSync(path.dirname(out), { recursive: true });
    // From the top to the first row of charts: the picture is of the team's figures at a glance.
    const charts = await page.getByTestId('chart-minutes').boundingBox();
    const scrollY = await page.evaluate(() => window.scrollY);
    const bottom = charts ? charts.y + scrollY + charts.height + 16 : 1100;
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: bottom } });
    console.log(`Wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
} finally {
  await azurite.stop();
}
