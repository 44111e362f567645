// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure, type ApiClient } from '../api/api-client.js';
import type { Entry, EntryPage } from '../api/types.js';
import { MyLearningPage } from './MyLearningPage.js';

beforeAll(() => {
  // Tells React this is a test environment, so act() flushes updates.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const entry = (over: Partial<Entry> & { id: string }): Entry => ({
  what: 'Something',
  sourceType: 'article',
  link: null,
  minutes: null,
  rating: null,
  insight: null,
  action: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  ...over,
});

/** A service stand-in: answers each request from a queue of responses (the last one repeats). */
function fakeService(...answers: Array<EntryPage | ApiFailure>) {
  const paths: string[] = [];
  const client: ApiClient = {
    get: async <T,>(path: string) => {
      paths.push(path);
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (answer instanceof ApiFailure) throw answer;
      return answer as T;
    },
    send: async () => {
      throw new Error('not expected');
    },
    remove: async () => {
      throw new Error('not expected');
    },
  };
  return { client, paths };
}

let root: Root | undefined;
let container: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

async function render(client: ApiClient, pollMs = 60_000) {
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  await act(async () => {
    root?.render(
      <FluentProvider theme={teamsLightTheme}>
        <MyLearningPage client={client} locale="en-US" pollMs={pollMs} />
      </FluentProvider>,
    );
  });
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const entries = () => [...container.querySelectorAll('[data-testid="entry"]')];
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name);

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
    const { client } = fakeService({ entries: [full, entry({ id: 'e1', what: 'Older lesson', link: 'javascript:alert(1)' })], nextCursor: null });
    await render(client);
    await settle();

    expect(container.querySelector('h1')?.textContent).toBe('My learning');
    expect(entries().map((e) => e.querySelector('h2')?.textContent)).toEqual(['Feature flags in practice', 'Older lesson']);
    const first = entries()[0]?.textContent ?? '';
    for (const text of ['On the job', '25 min', 'Useful: 4/5', 'Ship dark, then flip', 'Add a flag to the next release', 'Nov 20, 2026']) {
      expect(first).toContain(text);
    }
    const link = entries()[0]?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/flags');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(entries()[1]?.querySelector('a')).toBeNull();
    expect(entries()[1]?.textContent).toContain('javascript:alert(1)');
  });

  it('says how to log learning when there is none yet', async () => {
    await render(fakeService({ entries: [], nextCursor: null }).client);
    await settle();
    expect(container.textContent).toContain('No learning logged yet. Type check in to the Learning Loop bot');
    expect(container.querySelector('[data-testid="entry-list"]')).toBeNull();
  });

  it('says what failed and loads again on Retry', async () => {
    const { client } = fakeService(new ApiFailure(503, 'Storage is unavailable'), { entries: [entry({ id: 'e1', what: 'Back again' })], nextCursor: null });
    await render(client);
    await settle();
    expect(container.textContent).toContain("Couldn't load your learning (HTTP 503): Storage is unavailable");

    await act(async () => button('Retry')?.click());
    await settle();
    expect(entries().map((e) => e.querySelector('h2')?.textContent)).toEqual(['Back again']);
    expect(container.textContent).not.toContain("Couldn't load");
  });

  it('shows a newly logged entry on the next refresh without a reload', async () => {
    const log = { entries: [entry({ id: 'e1', what: 'First' })], nextCursor: null };
    await render(fakeService(log).client, 20);
    await settle();
    expect(entries()).toHaveLength(1);
    // The learner submits a check-in card in Teams meanwhile.
    log.entries = [entry({ id: 'e2', what: 'Just logged' }), ...log.entries];
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(entries().map((e) => e.querySelector('h2')?.textContent)).toEqual(['Just logged', 'First']);
  });

  it('loads older entries with Load more, passing the cursor', async () => {
    const service = fakeService(
      { entries: [entry({ id: 'e2', what: 'Newer' })], nextCursor: 'next page' },
      { entries: [entry({ id: 'e1', what: 'Older' })], nextCursor: null },
    );
    await render(service.client);
    await settle();
    await act(async () => button('Load more')?.click());
    await settle();
    expect(service.paths[1]).toBe('/api/v1/me/entries?limit=50&cursor=next%20page');
    expect(entries().map((e) => e.querySelector('h2')?.textContent)).toEqual(['Newer', 'Older']);
    expect(button('Load more')).toBeUndefined();
  });
});
