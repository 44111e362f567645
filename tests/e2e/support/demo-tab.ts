import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { seedDemoData } from '../../../bot/demo/seed-demo-data.js';
import { DEMO_LD_ADMIN, DEMO_TEAM, DEMO_TENANT_ID } from '../../../bot/demo/demo-team.js';
import { startTestService, type RunningTestService } from '../../../bot/testing/test-service.js';
import { launchChromium } from './chromium.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The service serving the built tab over the demo organisation, and a headless Chromium to open it. */
export async function startDemoTab(): Promise<{ service: RunningTestService; browser: Browser; stop(): Promise<void> }> {
  // As under `npm start`, Patti is the organisation's L&D admin.
  const service = await startTestService({
    tabDistDir: path.join(root, 'tab/dist'),
    ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: DEMO_LD_ADMIN.userId }],
  });
  await seedDemoData({ ...service, now: new Date() });
  // The organisation's figures, as the background job keeps them (the report and top resources read them).
  await service.orgFigures.runTenant(DEMO_TENANT_ID);
  const browser = await launchChromium();
  return {
    service,
    browser,
    async stop() {
      await browser.close();
      await service.stop();
    },
  };
}

export interface DemoTabSuite {
  /** Set once the suite's beforeAll has run. */
  readonly service: RunningTestService;
  readonly browser: Browser;
  /** A new 1280×900 page at `path` (e.g. `/team`) as the demo person `userId`; `query` adds `&…` parameters. */
  open(path: string, userId: string, query?: string): Promise<Page>;
  /** The demo team's dashboard, once its member table is there. */
  openTeam(userId: string, query?: string): Promise<Page>;
}

/** Starts the demo tab for the enclosing describe block and stops it after; every page opens in the one browser. */
export function useDemoTab(): DemoTabSuite {
  let started: Awaited<ReturnType<typeof startDemoTab>> | undefined;
  // Anything the Content-Security-Policy blocked on any page of the suite fails it: the tab must work under the policy.
  const blocked: string[] = [];
  beforeAll(async () => {
    started = await startDemoTab();
  }, 60_000);
  afterAll(async () => {
    await started?.stop();
    if (blocked.length > 0) throw new Error(`The Content-Security-Policy blocked:\n${blocked.join('\n')}`);
  });
  const ready = () => {
    if (!started) throw new Error('The demo tab is not started yet');
    return started;
  };
  const suite: DemoTabSuite = {
    get service() {
      return ready().service;
    },
    get browser() {
      return ready().browser;
    },
    async open(path, userId, query = '') {
      const page = await ready().browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) blocked.push(`${path}: ${message.text()}`);
      });
      await page.goto(`${ready().service.baseUrl}${path}?user=${userId}${query}`);
      return page;
    },
    async openTeam(userId, query = '') {
      const page = await suite.open('/team', userId, `&team=${encodeURIComponent(DEMO_TEAM.id)}${query}`);
      await page.getByTestId('member-row').first().waitFor();
      return page;
    },
  };
  return suite;
}
