import { launchChromium } from '../tests/e2e/support/chromium.js';
import type { SeededTeam } from './dashboard.js';

export interface FirstRenderResult {
  runs: number;
  members: number;
  /** Navigation to the first member row and the summary figures on screen. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Navigation to the lazily loaded charts drawn. */
  chartsMedianMs: number;
}

/**
 * Headless Chromium opens the team dashboard as the lead of the seeded team, in a fresh
 * browser context each run (nothing cached), and waits for the data to be on screen.
 */
export async function runFirstRender(seeded: SeededTeam, runs: number): Promise<FirstRenderResult> {
  const browser = await launchChromium();
  const dataMs: number[] = [];
  const chartsMs: number[] = [];
  try {
    const url = `${seeded.baseUrl}/team?user=${encodeURIComponent(seeded.lead)}&team=${encodeURIComponent(seeded.teamId)}&theme=light`;
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.getByTestId('member-row').first().waitFor({ timeout: 60_000 });
      const data = Date.now() - t0;
      await page.locator('[data-testid="dashboard-charts"] svg').first().waitFor({ timeout: 60_000 });
      const charts = Date.now() - t0;
      await context.close();
      if (i === 0) continue; // the first run also warms the service's own code paths
      dataMs.push(data);
      chartsMs.push(charts);
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    runs,
    members: seeded.members,
    medianMs: median(dataMs),
    minMs: Math.min(...dataMs),
    maxMs: Math.max(...dataMs),
    chartsMedianMs: median(chartsMs),
  };
}
