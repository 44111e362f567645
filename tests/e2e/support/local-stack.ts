import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../../scripts/lib/playground.js';
import { startTestService, type RunningTestService } from '../../../bot/testing/test-service.js';
import { launchChromium } from './chromium.js';
import { freePort } from './free-port.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface LocalStack {
  service: RunningTestService;
  playground: RunningPlayground;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * What `npm start` runs, on free ports: the service (with the built tab) over Azurite, the
 * Agents Playground with the demo tenant's config, and a headless Chromium.
 */
export async function startLocalStack(options: { clock?: () => Date } = {}): Promise<LocalStack> {
  const service = await startTestService({ tabDistDir: path.join(root, 'tab/dist') }, options.clock ? { clock: options.clock } : {});
  const workDir = mkdtempSync(path.join(tmpdir(), 'learning-loop-playground-'));
  copyFileSync(path.join(root, '.m365agentsplayground.yml'), path.join(workDir, '.m365agentsplayground.yml'));
  const playground = await startPlayground({
    botEndpoint: `${service.baseUrl}/api/messages`,
    port: await freePort(),
    cwd: workDir,
    recordEvents: true,
    quiet: true,
  });
  const browser = await launchChromium();
  return {
    service,
    playground,
    browser,
    async stop() {
      await browser.close();
      await playground.stop();
      await service.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
