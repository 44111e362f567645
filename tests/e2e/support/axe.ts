import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2 A/AA rules and best practices) in the page, as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does not
  // govern: an injected <script> element would be blocked, as it should be for anything inline.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // The axe global is injected above; it is not part of the page's own types.
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document | object,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    // Fluent's focus manager (tabster) guards focus traps with focusable, aria-hidden
    // <i data-tabster-dummy> elements whose only job is to pass focus on; Fluent lists them as a
    // known false positive of aria-hidden-focus, and Microsoft's Accessibility Insights skips them.
    const context = { include: [[':root']], exclude: [['[data-tabster-dummy]']] };
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
