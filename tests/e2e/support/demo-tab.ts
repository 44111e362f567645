import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { seedDemoData } from '../../../bot/demo/seed-demo-data.js';
import { DEMO_LD_ADMIN, DEMO_TENANT_ID } from '../../../bot/demo/demo-team.js';
import { startTestService, type RunningTestService } from '../../../bot/testing/test-service.js';
import { launchChromium } from './chromium.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The service serving the built tab over the demo organisation, and a headless Chromium to open it. */
export async function startDemoTab(): Promise<{ service: RunningTestService; browser: Browser; stop(): Promise<void> }> {
  // As under `npm start`, Patti is the organisation's L&D admin.
  const service = await startTestService({ tabDistDir: path.join(root, 'tab/dist'), ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: DEMO_LD_ADMIN.userId }] });
  await seedDemoData({ ...service, now: new Date() });
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
