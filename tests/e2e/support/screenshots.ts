import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

const dir = fileURLToPath(new URL('../../../docs/screenshots', import.meta.url));

/**
 * Writes one of the README's pictures, only when UPDATE_SCREENSHOTS is set (documentation images
 * change only when asked for). `from` and `upTo` cut a long page to the part the picture is about.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  cut: { from?: Locator; upTo?: Locator; height?: number } = {},
): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (!cut.from && !cut.upTo && !cut.height) {
    await page.screenshot({ path: file, fullPage: true });
    return;
  }
  const width = page.viewportSize()?.width ?? 1280;
  const top = cut.from ? ((await cut.from.boundingBox())?.y ?? 0) + (await page.evaluate(() => window.scrollY)) : 0;
  const bottom = cut.upTo
    ? ((await cut.upTo.boundingBox())?.y ?? 0) + (await page.evaluate(() => window.scrollY))
    : top + (cut.height ?? 1400);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: Math.max(0, top - 8), width, height: Math.max(100, Math.min(bottom - top, cut.height ?? Infinity)) },
  });
}
