import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { seedDemoData } from '../../../bot/demo/seed-demo-data.js';
import { startTestService, type RunningTestService } from '../../../bot/testing/test-service.js';
import { launchChromium } from './chromium.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The service serving the built tab over the demo organisation, and a headless Chromium to open it. */
export async function startDemoTab(): Promise<{ service: RunningTestService; browser: Browser; stop(): Promise<void> }> {
  const service = await startTestService({ tabDistDir: path.join(root, 'tab/dist') });
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
