// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardFollowUps, FollowUpFigures } from '../api/dashboard-types.js';
import { dashboard, memberRow } from '../testing/dashboard-fixtures.js';
import { renderInFluent, unmountRendered } from '../testing/render-page.js';
import { DashboardFigures } from './DashboardFigures.js';
import { followUpLine } from './LeaderFiguresTiles.js';

// The real charts need layout jsdom does not do; these tests are about the figures beside them.
vi.mock('./DashboardCharts.js', () => ({ default: () => <div data-testid="dashboard-charts" /> }));

afterEach(unmountRendered);

const figures = (requested: number, done: number, rate: number | null, medianDays: number | null, nudged = done): FollowUpFigures => ({
  requested,
  done,
  rate,
  medianDays,
  nudged,
});

describe('followUpLine', () => {
  it.each<[string, FollowUpFigures, string, string]>([
    ['all figures', figures(3, 2, 2 / 3, 1.5), 'en-US', 'Follow-ups asked of you: 3 · done: 2 (67%) · median days to follow up: 1.5'],
    [
      'whole days without a decimal',
      figures(4, 4, 1, 2),
      'en-US',
      'Follow-ups asked of you: 4 · done: 4 (100%) · median days to follow up: 2',
    ],
    ['nothing asked: no rate, no median', figures(0, 0, null, null), 'en-US', 'Follow-ups asked of you: nothing asked yet'],
    [
      'asked, none done: no median yet',
      figures(2, 0, 0, null),
      'en-US',
      'Follow-ups asked of you: 2 · done: 0 (0%) · median days to follow up: none done yet',
    ],
    [
      'the locale’s numbers',
      figures(1200, 600, 0.5, 0.5),
      'de-DE',
      'Follow-ups asked of you: 1.200 · done: 600 (50\u00a0%) · median days to follow up: 0,5',
    ],
  ])('%s', (_name, given, locale, expected) => {
    expect(followUpLine('Follow-ups asked of you', given, locale)).toBe(expected);
  });
});

describe('“Your follow-ups” on the dashboard', () => {
  const followUps: DashboardFollowUps = { yours: figures(3, 1, 1 / 3, 2.5), team: figures(3, 2, 2 / 3, 1) };
  const render = (over: Parameters<typeof dashboard>[0]) =>
    renderInFluent(<DashboardFigures dashboard={dashboard(over)} weeks={12} locale="en-US" updating={false} />);
  const block = (page: HTMLElement) => page.querySelector('[data-testid="leader-figures"]');

  it('shows a lead their own figures and the team’s, under a heading of their own', async () => {
    const page = await render({ followUps });
    const section = block(page)?.closest('section');
    expect(section?.querySelector('h2')?.textContent).toBe('Your follow-ups');
    expect(section?.getAttribute('aria-labelledby')).toBe(section?.querySelector('h2')?.id);
    expect(page.querySelector('[data-testid="leader-figures-yours"]')?.textContent).toBe(
      'Follow-ups asked of you: 3 · done: 1 (33%) · median days to follow up: 2.5',
    );
    expect(page.querySelector('[data-testid="leader-figures-team"]')?.textContent).toBe(
      'The team’s leads, together: 3 · done: 2 (67%) · median days to follow up: 1',
    );
  });

  it('keeps the nudges apart from what was done, and says what done means', async () => {
    const page = await render({ followUps: { yours: figures(3, 1, 1 / 3, 2.5, 3), team: figures(3, 2, 2 / 3, 1, 3) } });
    expect(page.querySelector('[data-testid="leader-figures-nudged"]')?.textContent).toBe(
      'Nudged (not yet done unless closed or followed by a result): 3 by you, 3 by the team’s leads',
    );
    expect(page.querySelector('[data-testid="leader-figures-definition"]')?.textContent).toBe(
      'A follow-up is done when the learner answered the nudge and a lead closed it, or the learner recorded a result.',
    );
  });

  it('says so when nothing was asked, even in a quiet period', async () => {
    const quiet = { entries: 0, responded: 0, nothing: 0, noAnswer: 0, responseRate: null };
    const page = await render({
      followUps: { yours: figures(0, 0, null, null), team: figures(0, 0, null, null) },
      totals: { ...dashboard().totals, ...quiet },
    });
    expect(page.querySelector('[data-testid="dashboard-empty"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="leader-figures-yours"]')?.textContent).toBe('Follow-ups asked of you: nothing asked yet');
    expect(page.querySelector('[data-testid="leader-figures-team"]')?.textContent).toBe('The team’s leads, together: nothing asked yet');
  });

  it('shows a member nothing of it, whatever the response carries', async () => {
    const page = await render({ role: 'member', members: [memberRow('Megan Bowen')], followUps });
    expect(block(page)).toBeNull();
    expect(page.textContent).not.toContain('Your follow-ups');
  });

  it('leaves it out when the service sent no figures', async () => {
    expect(block(await render({}))).toBeNull();
  });
});
