import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Browser } from 'playwright-core';
import { checkInCard } from '../bot/cards/check-in-card.js';
import { eraseMyDataCard } from '../bot/cards/my-data-cards.js';
import { seedDemoData } from '../bot/demo/seed-demo-data.js';
import { DEMO_LD_ADMIN, DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../bot/demo/demo-team.js';
import { botTranslator } from '../bot/i18n/bot-messages.js';
import { buildService } from '../bot/service.js';
import { ensureTables } from '../bot/store/table-clients.js';
import { localConfig } from '../bot/testing/local-config.js';
import { launchChromium } from '../tests/e2e/support/chromium.js';
import { startAzurite } from './lib/azurite.js';
import { ensureTabBuilt } from './lib/tab-build.js';

/**
 * `npx tsx scripts/arabic-screenshots.ts`: redraws the Arabic pictures in docs/screenshots/ — the
 * demo team's dashboard as its lead sees it in Saudi Arabic (`?locale=ar-SA`, as readme-screenshot.ts
 * does in English), and the check-in and erase cards as the bot builds them for ar-SA, drawn by the
 * Adaptive Cards renderer the card tests already use (the Agents Playground is not needed).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'docs/screenshots');
const LOCALE = 'ar-SA';
const lead = DEMO_PEOPLE[0]!;

async function dashboard(browser: Browser): Promise<void> {
  ensureTabBuilt(root);
  const azurite = await startAzurite();
  try {
    const config = localConfig(
      { kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'arabic' },
      { tabDistDir: path.join(root, 'tab/dist'), ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: DEMO_LD_ADMIN.userId }] },
    );
    await ensureTables(config.storage);
    const service = buildService(config, { logger: pino({ level: 'silent' }) });
    await seedDemoData({ ...service, now: new Date() });
    const server = service.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: LOCALE });
      const team = encodeURIComponent(DEMO_TEAM.id);
      await page.goto(`http://127.0.0.1:${port}/team?user=${lead.userId}&team=${team}&theme=light&locale=${LOCALE}`);
      await page.getByTestId('member-row').first().waitFor();
      await page.locator('[data-testid="dashboard-charts"] svg').first().waitFor();
      // From the top to the first row of charts, as the English picture is cut.
      const charts = await page.getByTestId('chart-minutes').boundingBox();
      const scrollY = await page.evaluate(() => window.scrollY);
      const bottom = charts ? charts.y + scrollY + charts.height + 16 : 1100;
      await page.screenshot({
        path: path.join(dir, 'dashboard-ar.png'),
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: bottom },
      });
      await page.close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    await azurite.stop();
  }
}

/** Draws a card as a Teams client would, right to left, and photographs just the card. */
async function card(browser: Browser, json: object, file: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const page = await browser.newPage({ viewport: { width: 520, height: 900 }, locale: LOCALE, deviceScaleFactor: 2 });
  await page.setContent(
    `<!doctype html><html lang="${LOCALE}" dir="rtl"><body style="margin:0;background:#f5f5f5;font-family:'Segoe UI',system-ui,sans-serif">` +
      '<div id="card" style="width:480px;margin:16px;background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003"></div></body></html>',
  );
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
  await page.evaluate((payload) => {
    type Lib = { AdaptiveCard: new () => { parse(json: unknown): void; render(): HTMLElement } };
    const lib = (window as unknown as { AdaptiveCards: Lib }).AdaptiveCards;
    const adaptive = new lib.AdaptiveCard();
    adaptive.parse(payload);
    document.getElementById('card')!.appendChild(adaptive.render());
  }, json);
  await page.locator('#card').screenshot({ path: path.join(dir, file) });
  await page.close();
}

mkdirSync(dir, { recursive: true });
const browser = await launchChromium();
try {
  const t = botTranslator(LOCALE);
  await card(browser, checkInCard({ cardId: 'screenshot', cycle: '2026-W49' }, t), 'check-in-card-ar.png');
  await card(browser, eraseMyDataCard(t), 'erase-card-ar.png');
  await dashboard(browser);
  console.log('Wrote docs/screenshots/dashboard-ar.png, check-in-card-ar.png and erase-card-ar.png');
} finally {
  await browser.close();
}
