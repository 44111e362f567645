// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { ADD_GOAL_ROUTE, GOALS_ROUTE, goal, progress } from '../testing/goal-fixtures.js';
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
import { LazyGoals } from './lazy-goals.js';

afterEach(unmountRendered);

let container: HTMLElement;

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyGoals client={service.client} locale="en-US" />);
  await eventually(() => expect(container.textContent).not.toContain('Loading your goals'));
  return service;
}

const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="goal-item"]')];
const titles = () => items().map((i) => i.querySelector('h3')?.textContent);
const statuses = () => items().map((i) => i.querySelector('[data-testid="goal-status"]')?.textContent);
const status = () => container.querySelector('[data-testid="goals-status"]')?.textContent;
const addButton = () => container.querySelector<HTMLButtonElement>('[data-testid="add-goal-button"]');
/** Everything the control's description points at: its hint and, when it has one, its problem. */
const describedBy = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

async function openForm() {
  await click(addButton());
  await eventually(() => expect(dialog()?.textContent).toContain('Add a goal'));
  return dialog()!;
}

const RUST = goal('Learn Rust', {
  goalId: 'g1',
  why: 'Our new services are in Rust',
  targetDate: '2026-12-31',
  resources: ['https://doc.rust-lang.org/book/', 'javascript:alert(1)'],
  progress: [progress('on-track'), progress('behind', { at: '2026-11-27T10:00:00.000Z', note: 'Stuck on lifetimes' })],
});

describe('goals', () => {
  it('lists each goal with why, target date, status in words, latest note and links', async () => {
    const service = await render({
      [GOALS_ROUTE]: {
        goals: [
          RUST,
          goal('Give a talk', { goalId: 'g2', progress: [progress('on-track', { note: 'Outline done' })] }),
          goal('Read DDIA', { goalId: 'g3' }),
          goal('Pass the exam', { goalId: 'g4', status: 'overdue', targetDate: '2026-10-01' }),
          goal('Learn Go', { goalId: 'g5', status: 'done', progress: [progress('done')] }),
          goal('Learn COBOL', { goalId: 'g6', status: 'dropped', progress: [progress('dropped')] }),
        ],
      },
    });
    expect(service.calls.map((c) => c.path)).toEqual(['/api/v1/me/goals']);
    expect(container.querySelector('h2')?.textContent).toBe('Goals');
    expect(container.textContent).toContain('6 goals, oldest first');
    expect(titles()).toEqual(['Learn Rust', 'Give a talk', 'Read DDIA', 'Pass the exam', 'Learn Go', 'Learn COBOL']);
    expect(statuses()).toEqual(['Behind', 'On track', 'On track', 'Overdue', 'Done', 'Dropped']);

    const rust = items()[0]!;
    for (const text of ['Our new services are in Rust', 'Target date Dec 31, 2026', 'Stuck on lifetimes', 'Nov 27, 2026'])
      expect(rust.textContent).toContain(text);
    // Only the latest check-in's note: an older one would mislead.
    expect(items()[1]?.textContent).toContain('Outline done');
    const links = [...rust.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://doc.rust-lang.org/book/']);
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(rust.textContent).toContain('javascript:alert(1)');
    expect(rust.querySelector('article')?.getAttribute('aria-labelledby')).toBe(rust.querySelector('h3')?.id);
  });

  it('adds a goal: posts what was typed, closes, says so, reloads the list and returns focus to Add a goal', async () => {
    const added = {
      ...goal('Learn Rust', {
        goalId: 'g9',
        why: 'New services',
        resources: ['https://doc.rust-lang.org/book/', 'https://exercism.org/tracks/rust'],
      }),
    };
    const { status: _status, ...answer } = added;
    const service = await render({
      [GOALS_ROUTE]: [{ goals: [] }, { goals: [added] }],
      [ADD_GOAL_ROUTE]: { goal: answer },
    });
    const form = await openForm();
    expect(form.querySelector('h2')?.textContent).toBe('Add a goal');
    expect(form.closest('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe(form.querySelector('h2')?.id);
    expect((controlLabelled('Target date', form) as HTMLInputElement).type).toBe('date');
    await typeInto(controlLabelled('What do you want to learn?', form), '  Learn Rust ');
    await typeInto(controlLabelled('Why it matters', form), 'New services');
    await typeInto(controlLabelled('Target date', form), '2026-12-31');
    await typeInto(controlLabelled('Links', form), 'https://doc.rust-lang.org/book/\n\n https://exercism.org/tracks/rust \n');
    await click(buttonNamed('Add goal', form));
    await settle();

    expect(service.callsTo('POST', '/')).toEqual([
      {
        method: 'POST',
        path: '/api/v1/me/goals',
        body: {
          what: 'Learn Rust',
          why: 'New services',
          targetDate: '2026-12-31',
          resources: ['https://doc.rust-lang.org/book/', 'https://exercism.org/tracks/rust'],
        },
      },
    ]);
    expect(dialog()).toBeNull();
    expect(status()).toBe('Goal added: Learn Rust');
    expect(service.callsTo('GET', '/api/v1/me/goals')).toHaveLength(2);
    expect(titles()).toEqual(['Learn Rust']);
    expect(statuses()).toEqual(['On track']);
    expect(document.activeElement).toBe(addButton());
  });

  it('leaves out an unanswered why and links', async () => {
    const service = await render({ [GOALS_ROUTE]: { goals: [] }, [ADD_GOAL_ROUTE]: { goal: goal('Read DDIA') } });
    const form = await openForm();
    await typeInto(controlLabelled('What do you want to learn?', form), 'Read DDIA');
    await typeInto(controlLabelled('Target date', form), '2027-03-01');
    await click(buttonNamed('Add goal', form));
    await settle();
    expect(service.callsTo('POST', '/')[0]?.body).toEqual({ what: 'Read DDIA', targetDate: '2027-03-01' });
  });

  it('shows the service’s messages beside their fields, keeps everything typed, and focuses the first', async () => {
    const rejected = new ApiFailure(400, 'Invalid goal: …', 'invalid_goal', [
      { field: 'targetDate', message: 'The target date has passed: choose today or later' },
      { field: 'resources', message: 'At most 3 links' },
    ]);
    const service = await render({ [GOALS_ROUTE]: { goals: [] }, [ADD_GOAL_ROUTE]: rejected });
    const form = await openForm();
    await typeInto(controlLabelled('What do you want to learn?', form), 'Learn Rust');
    await typeInto(controlLabelled('Why it matters', form), 'New services');
    await typeInto(controlLabelled('Target date', form), '2020-01-01');
    await typeInto(controlLabelled('Links', form), 'https://a.example\nhttps://b.example');
    await click(buttonNamed('Add goal', form));
    await settle();

    expect(service.callsTo('POST', '/')).toHaveLength(1);
    expect(dialog()).not.toBeNull();
    const date = controlLabelled('Target date', form) as HTMLInputElement;
    const links = controlLabelled('Links', form) as HTMLTextAreaElement;
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(date)).toContain('The target date has passed: choose today or later');
    expect(links.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(links)).toContain('At most 3 links');
    expect((controlLabelled('What do you want to learn?', form) as HTMLInputElement).value).toBe('Learn Rust');
    expect((controlLabelled('Why it matters', form) as HTMLTextAreaElement).value).toBe('New services');
    expect(date.value).toBe('2020-01-01');
    expect(links.value).toBe('https://a.example\nhttps://b.example');
    expect(controlLabelled('What do you want to learn?', form).getAttribute('aria-invalid')).not.toBe('true');
    expect(document.activeElement).toBe(date);
    expect(status()).toBe('');
  });

  it('catches a missing goal, date or web link before sending', async () => {
    const service = await render({ [GOALS_ROUTE]: { goals: [] } });
    const form = await openForm();
    await typeInto(controlLabelled('Links', form), 'ftp://files.example/rust.pdf');
    await click(buttonNamed('Add goal', form));
    expect(service.callsTo('POST', '/')).toEqual([]);
    expect(form.textContent).toContain('Say what you want to learn');
    expect(form.textContent).toContain('Choose a target date');
    expect(form.textContent).toContain('“ftp://files.example/rust.pdf” is not a web address starting with http:// or https://');
    expect(document.activeElement).toBe(controlLabelled('What do you want to learn?', form));
  });

  it('says what failed when the service cannot add it, and tries again on Retry', async () => {
    const service = await render({
      [GOALS_ROUTE]: { goals: [] },
      [ADD_GOAL_ROUTE]: [new ApiFailure(503, 'Storage is down'), { goal: goal('Learn Rust') }],
    });
    const form = await openForm();
    await typeInto(controlLabelled('What do you want to learn?', form), 'Learn Rust');
    await typeInto(controlLabelled('Target date', form), '2026-12-31');
    await click(buttonNamed('Add goal', form));
    await settle();
    expect(form.textContent).toContain("Couldn't add your goal (HTTP 503): Storage is down");
    await click(buttonNamed('Retry', form));
    await settle();
    expect(service.callsTo('POST', '/')).toHaveLength(2);
    expect(dialog()).toBeNull();
    expect(status()).toBe('Goal added: Learn Rust');
  });

  it('closes on Cancel without sending, and gives focus back to Add a goal', async () => {
    const service = await render({ [GOALS_ROUTE]: { goals: [] } });
    const form = await openForm();
    await typeInto(controlLabelled('What do you want to learn?', form), 'Never mind');
    await click(buttonNamed('Cancel', form));
    await settle();
    expect(dialog()).toBeNull();
    expect(service.callsTo('POST', '/')).toEqual([]);
    expect(document.activeElement).toBe(addButton());
  });

  it('says how to set a goal when there is none yet', async () => {
    await render({ [GOALS_ROUTE]: { goals: [] } });
    expect(container.querySelector('[data-testid="goals-empty"]')?.textContent).toBe(
      'No goals yet. Set one here or type goal add in your chat with Learning Loop; each check-in will ask how it is going.',
    );
    expect(addButton()?.textContent).toBe('Add a goal');
  });

  it('says what failed and loads again on Retry', async () => {
    await render({ [GOALS_ROUTE]: [new ApiFailure(503, 'Storage is unavailable'), { goals: [RUST] }] });
    expect(container.textContent).toContain("Couldn't load your goals (HTTP 503): Storage is unavailable");
    expect(addButton()).not.toBeNull();
    await click(buttonNamed('Retry', container));
    await settle();
    expect(titles()).toEqual(['Learn Rust']);
    expect(container.textContent).not.toContain("Couldn't load");
  });
});
