// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import type { EntryPage } from '../api/types.js';
import { entry } from '../testing/entry-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import {
  buttonNamed,
  click,
  controlLabelled,
  dialog,
  eventually,
  renderInFluent,
  settle,
  typeInto,
  unmountRendered,
} from '../testing/render-page.js';
import { GOALS_ROUTE, goal, progress } from '../testing/goal-fixtures.js';
import { SAVED_ROUTE, savedShare } from '../testing/share-fixtures.js';
import { MyLearningPage } from './MyLearningPage.js';

const SUMMARY = {
  streak: 3,
  minutesThisMonth: 95,
  entriesThisMonth: 4,
  month: '2026-11',
  followThrough: { actions: 4, results: 2, dropped: 0, awaiting: 2, due: 3, followThrough: 2 / 3, medianDaysToResult: 5 },
  followThroughWeeks: 52,
};
const SETTINGS = { paused: false, pausedAt: null, timeZone: null };

/** The service as the page sees it: the log answers from `pages`, the rest as given. */
function fakeService(pages: Array<EntryPage | ApiFailure>, more: Record<string, FakeAnswer | FakeAnswer[]> = {}) {
  return fakeApiClient({
    'GET /api/v1/me/entries': pages,
    'GET /api/v1/me/summary': SUMMARY,
    'GET /api/v1/me/settings': SETTINGS,
    'GET /api/v1/me/saved': { saved: [] },
    [GOALS_ROUTE]: { goals: [] },
    'GET /api/v1/me/recommendations': { recommendations: [] },
    'GET /api/v1/me/coaching': { notes: [] },
    'GET /api/v1/me/one-to-ones': { lists: [] },
    'GET /api/v1/me/audience': { teams: [] },
    ...more,
  });
}

let container: HTMLElement;
afterEach(unmountRendered);

async function render(service: ReturnType<typeof fakeService>, pollMs = 60_000) {
  container = await renderInFluent(<MyLearningPage client={service.client} locale="en-US" pollMs={pollMs} />);
  await settle();
}

const entries = () => [...container.querySelectorAll('[data-testid="entry"]')];
const titles = () => entries().map((e) => e.querySelector('h3')?.textContent);
const status = () => container.querySelector('[data-testid="log-status"]')?.textContent;

describe('MyLearningPage', () => {
  it('shows each entry with what was learned, its source, time, rating, notes and date', async () => {
    const full = entry({
      id: 'e2',
      what: 'Feature flags in practice',
      sourceType: 'on-the-job',
      link: 'https://example.com/flags',
      minutes: 25,
      rating: 4,
      insight: 'Ship dark, then flip',
      action: 'Add a flag to the next release',
    });
    await render(
      fakeService([{ entries: [full, entry({ id: 'e1', what: 'Older lesson', link: 'javascript:alert(1)' })], nextCursor: null }]),
    );

    expect(container.querySelector('h1')?.textContent).toBe('My learning');
    expect(titles()).toEqual(['Feature flags in practice', 'Older lesson']);
    const first = entries()[0]?.textContent ?? '';
    for (const text of [
      'On the job',
      '25 min',
      'Useful: 4/5',
      'Ship dark, then flip',
      'Add a flag to the next release',
      'Nov 20, 2026',
      'Visible to: Your leads',
    ]) {
      expect(first).toContain(text);
    }
    const link = entries()[0]?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/flags');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(entries()[1]?.querySelector('a')).toBeNull();
    expect(entries()[1]?.textContent).toContain('javascript:alert(1)');
    expect(buttonNamed('Edit ‘Feature flags in practice’', entries()[0])).toBeDefined();
    expect(buttonNamed('Delete ‘Older lesson’', entries()[1])).toBeDefined();
  });

  it('shows the streak and this month’s totals above the log', async () => {
    await render(fakeService([{ entries: [], nextCursor: null }]));
    const summary = container.querySelector('[data-testid="my-summary"]')?.textContent ?? '';
    for (const text of ['This month: November 2026', '3 check-ins in a row', '1 hr 35 min', '4 entries']) expect(summary).toContain(text);
  });

  it('shows what came of the learner’s actions: follow-through, the median days to a result, and how many await one', async () => {
    await render(fakeService([{ entries: [], nextCursor: null }]));
    const figures = container.querySelector('[data-testid="my-follow-through"]')?.textContent ?? '';
    for (const text of [
      'What came of your actions',
      'Follow-through67%2 of 3 due actions have a result',
      '5 days',
      'Actions awaiting a result2',
    ])
      expect(figures).toContain(text);
    expect(figures).toContain('An action is due a week after you plan it');
  });

  it('says how to log learning when there is none yet', async () => {
    await render(fakeService([{ entries: [], nextCursor: null }]));
    expect(container.textContent).toContain('No learning logged yet. Type check in to the Learning Loop bot');
    expect(container.querySelector('[data-testid="entry-list"]')).toBeNull();
  });

  it('says what failed and loads again on Retry', async () => {
    await render(
      fakeService([
        new ApiFailure(503, 'Storage is unavailable'),
        { entries: [entry({ id: 'e1', what: 'Back again' })], nextCursor: null },
      ]),
    );
    expect(container.textContent).toContain("Couldn't load your learning (HTTP 503): Storage is unavailable");

    await click(buttonNamed('Retry'));
    await settle();
    expect(titles()).toEqual(['Back again']);
    expect(container.textContent).not.toContain("Couldn't load");
  });

  it('shows a newly logged entry on the next refresh without a reload', async () => {
    const log = { entries: [entry({ id: 'e1', what: 'First' })], nextCursor: null };
    await render(fakeService([log]), 20);
    expect(entries()).toHaveLength(1);
    // The learner submits a check-in card in Teams meanwhile.
    log.entries = [entry({ id: 'e2', what: 'Just logged' }), ...log.entries];
    await settle(100);
    expect(titles()).toEqual(['Just logged', 'First']);
  });

  it('loads older entries with Load more, passing the cursor', async () => {
    const service = fakeService([
      { entries: [entry({ id: 'e2', what: 'Newer' })], nextCursor: 'next page' },
      { entries: [entry({ id: 'e1', what: 'Older' })], nextCursor: null },
    ]);
    await render(service);
    await click(buttonNamed('Load more'));
    await settle();
    expect(service.callsTo('GET', '/api/v1/me/entries')[1]?.path).toBe('/api/v1/me/entries?limit=50&cursor=next%20page');
    expect(titles()).toEqual(['Newer', 'Older']);
    expect(buttonNamed('Load more')).toBeUndefined();
  });

  it('saves an edit, sending only what changed, and shows it in place', async () => {
    const original = entry({ id: 'e/1', what: 'Read about flags', minutes: 20 });
    const service = fakeService([{ entries: [original], nextCursor: null }], {
      'PATCH /api/v1/me/entries/e%2F1': { entry: { ...original, minutes: 45 } },
    });
    await render(service);
    await click(buttonNamed('Edit ‘Read about flags’'));
    await eventually(() => expect(dialog()?.textContent).toContain('Edit your entry'));
    await typeInto(controlLabelled('Minutes spent', dialog()!), '45');
    await click(buttonNamed('Save', dialog()!));
    await settle();

    expect(service.callsTo('PATCH', '/api/v1/me/entries/')).toEqual([
      { method: 'PATCH', path: '/api/v1/me/entries/e%2F1', body: { minutes: 45 } },
    ]);
    expect(dialog()).toBeNull();
    expect(entries()[0]?.textContent).toContain('45 min');
    expect(status()).toBe('Saved your changes to ‘Read about flags’.');
    // This month's minutes changed too.
    expect(service.callsTo('GET', '/api/v1/me/summary')).toHaveLength(2);
  });

  it('changes who can see an entry from the edit form, and the entry says so', async () => {
    const original = entry({ id: 'e1', what: 'Read about flags' });
    const service = fakeService([{ entries: [original], nextCursor: null }], {
      'PATCH /api/v1/me/entries/e1': { entry: { ...original, visibility: 'private' } },
    });
    await render(service);
    await click(buttonNamed('Edit ‘Read about flags’'));
    await eventually(() => expect(dialog()?.textContent).toContain('Who can see this?'));
    await click(controlLabelled('Only me', dialog()!));
    await click(buttonNamed('Save', dialog()!));
    await settle();

    expect(service.callsTo('PATCH', '/api/v1/me/entries/')).toEqual([
      { method: 'PATCH', path: '/api/v1/me/entries/e1', body: { visibility: 'private' } },
    ]);
    expect(entries()[0]?.textContent).toContain('Only you');
  });

  it('shows the service’s field errors beside the fields and keeps what the learner typed', async () => {
    const original = entry({ id: 'e1', what: 'Read about flags' });
    const service = fakeService([{ entries: [original], nextCursor: null }], {
      'PATCH /api/v1/me/entries/e1': new ApiFailure(400, 'The entry is not valid', 'invalid_entry', [
        { field: 'link', message: 'That site cannot be linked' },
      ]),
    });
    await render(service);
    await click(buttonNamed('Edit ‘Read about flags’'));
    await eventually(() => expect(dialog()?.textContent).toContain('Edit your entry'));
    await typeInto(controlLabelled('What did you learn?', dialog()!), 'Flags, properly');
    await typeInto(controlLabelled('Link', dialog()!), 'https://example.com/blocked');
    await click(buttonNamed('Save', dialog()!));
    await settle();

    expect(dialog()?.textContent).toContain('That site cannot be linked');
    const link = controlLabelled('Link', dialog()!) as HTMLInputElement;
    expect(link.value).toBe('https://example.com/blocked');
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(link);
    expect((controlLabelled('What did you learn?', dialog()!) as HTMLInputElement).value).toBe('Flags, properly');
    expect(titles()).toEqual(['Read about flags']);
  });

  it('catches a bad edit before sending it', async () => {
    const service = fakeService([{ entries: [entry({ id: 'e1', what: 'Read about flags' })], nextCursor: null }]);
    await render(service);
    await click(buttonNamed('Edit ‘Read about flags’'));
    await eventually(() => expect(dialog()?.textContent).toContain('Edit your entry'));
    await typeInto(controlLabelled('Minutes spent', dialog()!), '5000');
    await click(buttonNamed('Save', dialog()!));
    expect(dialog()?.textContent).toContain('Minutes must be between 1 and 1440');
    expect((controlLabelled('Minutes spent', dialog()!) as HTMLInputElement).value).toBe('5000');
    expect(service.callsTo('PATCH', '/')).toEqual([]);
  });

  it('deletes an entry only once confirmed, and a refresh cannot bring it back', async () => {
    const log = { entries: [entry({ id: 'e2', what: 'Keep me' }), entry({ id: 'e1', what: 'Delete me' })], nextCursor: null };
    const service = fakeService([log], { 'DELETE /api/v1/me/entries/e1': undefined });
    await render(service, 20);
    await click(buttonNamed('Delete ‘Delete me’'));
    expect(dialog()?.getAttribute('role')).toBe('alertdialog');
    expect(dialog()?.textContent).toContain('‘Delete me’ will be removed from your learning log');
    expect(service.callsTo('DELETE', '/')).toEqual([]);

    await click(buttonNamed('Delete', dialog()!));
    await settle();
    expect(service.callsTo('DELETE', '/')).toEqual([{ method: 'DELETE', path: '/api/v1/me/entries/e1' }]);
    expect(dialog()).toBeNull();
    expect(status()).toBe('Deleted ‘Delete me’.');
    expect(document.activeElement?.textContent).toBe('Your learning log');
    // A refresh answered from before the delete still lists it.
    await settle(100);
    expect(titles()).toEqual(['Keep me']);
  });

  it('says what failed when a delete fails, and keeps the entry', async () => {
    const service = fakeService([{ entries: [entry({ id: 'e1', what: 'Stubborn' })], nextCursor: null }], {
      'DELETE /api/v1/me/entries/e1': [new ApiFailure(503, 'Storage is down'), undefined],
    });
    await render(service);
    await click(buttonNamed('Delete ‘Stubborn’'));
    await click(buttonNamed('Delete', dialog()!));
    await settle();
    expect(dialog()?.textContent).toContain("Couldn't delete ‘Stubborn’ (HTTP 503): Storage is down. The entry is still in your log.");
    expect(titles()).toEqual(['Stubborn']);

    await click(buttonNamed('Retry', dialog()!));
    await settle();
    expect(titles()).toEqual([]);
  });

  it('lists the learning shares the learner saved, below the log', async () => {
    await render(
      fakeService([{ entries: [], nextCursor: null }], {
        [SAVED_ROUTE]: { saved: [savedShare('Feature flags in practice', { withdrawn: true })] },
      }),
    );
    await eventually(() => expect(container.querySelector('[data-testid="saved-item"]')).not.toBeNull());
    const headings = [...container.querySelectorAll('h1, h2')].map((h) => `${h.tagName} ${h.textContent}`);
    expect(headings.slice(-8)).toEqual([
      'H2 Your learning log',
      'H2 Goals',
      'H2 Recommended for you',
      'H2 Coaching',
      'H2 1:1 lists',
      'H2 Saved',
      'H2 Who can see your entries',
      'H2 Your data',
    ]);
    const saved = container.querySelector('[data-testid="saved-list"]')?.textContent ?? '';
    for (const text of ['Feature flags in practice', 'Shared by Megan Bowen in Product Design', 'Withdrawn by the sharer'])
      expect(saved).toContain(text);
  });

  it('shows the learner’s goals between the log and what was recommended, with how each stands', async () => {
    const service = fakeService([{ entries: [], nextCursor: null }], {
      [GOALS_ROUTE]: {
        goals: [
          goal('Learn Rust', { progress: [progress('behind', { note: 'Stuck on lifetimes' })] }),
          goal('Pass the exam', { status: 'overdue' }),
        ],
      },
    });
    await render(service);
    await eventually(() => expect(container.querySelectorAll('[data-testid="goal-item"]')).toHaveLength(2));
    const section = container.querySelector('[data-testid="goals-section"]')!;
    expect(section.previousElementSibling?.querySelector('h2')?.textContent).toBe('Your learning log');
    expect(section.nextElementSibling?.getAttribute('data-testid')).toBe('my-recommendations');
    expect([...section.querySelectorAll('[data-testid="goal-status"]')].map((b) => b.textContent)).toEqual(['Behind', 'Overdue']);
    expect(section.textContent).toContain('Stuck on lifetimes');
    expect(section.querySelector('[data-testid="add-goal-button"]')?.textContent).toBe('Add a goal');
    expect(service.callsTo('GET', '/api/v1/me/goals')).toHaveLength(1);
  });

  it('pauses check-ins with the switch and says so', async () => {
    const service = fakeService([{ entries: [], nextCursor: null }], {
      'PUT /api/v1/me/settings': { paused: true, pausedAt: '2026-11-21T09:00:00.000Z', timeZone: null },
    });
    await render(service);
    const settings = container.querySelector('[data-testid="my-settings"]')!;
    const toggle = controlLabelled('Pause my check-ins', settings) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(settings.textContent).toContain('Check-in cards arrive in your Teams chat on your team’s schedule');

    await click(toggle);
    await settle();
    expect(service.callsTo('PUT', '/api/v1/me/settings')).toEqual([{ method: 'PUT', path: '/api/v1/me/settings', body: { paused: true } }]);
    expect(toggle.checked).toBe(true);
    expect(settings.textContent).toContain('Paused since Nov 21, 2026');
    expect(settings.querySelector('[role="status"]')?.textContent).toBe(
      'Check-ins paused. You will get no check-in cards until you resume.',
    );
  });
});
