// @vitest-environment jsdom
import { NO_FOLLOW_THROUGH } from '../../../bot/contract/follow-through.js';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../host/host.js';
import { DEMO_USER_KEY } from '../local/demo-identity.js';
import { eventually } from '../testing/render-page.js';
import { LocalShell } from './LocalShell.js';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const people = [
  { tenantId: 't1', userId: 'ada', displayName: 'Ada Lovelace', role: 'lead' },
  { tenantId: 't1', userId: 'bob', displayName: 'Bob Builder' },
];

/** The local-mode service: demo people, and each person's own log chosen by the identity headers. */
function localService(identitiesStatus = 200) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/local/identities') {
      return identitiesStatus === 200
        ? Response.json({ identities: people })
        : Response.json(
            {
              type: 'tag:learning-loop,2026:problem/not_found',
              title: 'Not Found',
              status: identitiesStatus,
              detail: 'No such API route.',
              code: 'not_found',
              errors: [],
            },
            { status: identitiesStatus, headers: { 'content-type': 'application/problem+json' } },
          );
    }
    if (url === '/api/v1/me/summary')
      return Response.json({
        streak: 0,
        minutesThisMonth: 0,
        entriesThisMonth: 0,
        month: '2026-11',
        followThrough: NO_FOLLOW_THROUGH,
        followThroughWeeks: 52,
      });
    const user = (init?.headers as Record<string, string>)['x-local-user-id'] ?? '';
    asked.push(user);
    const what = user === 'bob' ? 'Bob’s lesson' : 'Ada’s lesson';
    return Response.json({
      entries: [
        {
          id: user,
          what,
          sourceType: 'book',
          link: null,
          minutes: null,
          rating: null,
          insight: null,
          action: null,
          createdAt: '2026-11-20T10:00:00Z',
        },
      ],
      nextCursor: null,
    });
  });
  return asked;
}

const host = (page: Host['page'] = 'personal'): Extract<Host, { kind: 'local' }> => ({
  kind: 'local',
  reason: { kind: 'outside-teams' },
  theme: 'light',
  locale: 'en-US',
  page,
  onThemeChange: () => () => undefined,
});

let root: Root | undefined;
let container: HTMLElement;
beforeEach(() => localStorage.clear());
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

async function render(path: string, page: Host['page'] = 'personal') {
  window.history.replaceState(null, '', path);
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  await act(async () => {
    root?.render(
      <FluentProvider theme={teamsLightTheme}>
        <LocalShell host={host(page)} />
      </FluentProvider>,
    );
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

const picker = () => container.querySelector<HTMLSelectElement>('select');
/** The person the picker shows as chosen. */
const chosen = () => picker()?.selectedOptions[0]?.textContent;
/** The visible label a screen reader would announce: by aria-labelledby or by <label for>. */
const labelOf = (element: HTMLSelectElement | null) => {
  const byIds = (element?.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
  const byFor = [...(element?.labels ?? [])].map((label) => label.textContent ?? '');
  return [...byIds, ...byFor].join(' ');
};

describe('LocalShell', () => {
  it('says plainly that nobody is signed in, and offers a labelled demo identity picker', async () => {
    localService();
    await render('/personal');
    expect(container.textContent).toContain('Local mode — demo identity, not signed in');
    expect(labelOf(picker())).toContain('Demo identity');
    expect(chosen()).toBe('Ada Lovelace (lead)');
  });

  it('acts as the person named by ?user=, over the remembered one', async () => {
    localStorage.setItem(DEMO_USER_KEY, 'ada');
    const asked = localService();
    await render('/personal?user=bob');
    await eventually(() => expect(container.querySelector('[data-testid="entry"] h3')?.textContent).toBe('Bob’s lesson'));
    expect(asked).toContain('bob');
    expect(asked).not.toContain('ada');
  });

  it('remembers the person across visits', async () => {
    localStorage.setItem(DEMO_USER_KEY, 'bob');
    localService();
    await render('/personal');
    expect(chosen()).toContain('Bob Builder');
  });

  it('acts as whoever is chosen in the picker, and remembers them in the address and for next time', async () => {
    const asked = localService();
    await render('/personal');
    await eventually(() => expect(container.querySelector('[data-testid="entry"] h3')?.textContent).toBe('Ada’s lesson'));
    await act(async () => {
      picker()!.value = 'bob';
      picker()!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await eventually(() => expect(container.querySelector('[data-testid="entry"] h3')?.textContent).toBe('Bob’s lesson'));
    expect(asked).toContain('bob');
    expect(new URL(window.location.href).searchParams.get('user')).toBe('bob');
    expect(localStorage.getItem(DEMO_USER_KEY)).toBe('bob');
  });

  it('sends a viewer outside Teams to Teams when the service has no local mode', async () => {
    localService(404);
    await render('/personal');
    expect(container.textContent).toContain('Open Learning Loop in Microsoft Teams');
    expect(container.querySelector('h1')?.textContent).toBe('My learning');
  });

  it('still explains the configuration page when the service has no local mode', async () => {
    localService(404);
    await render('/configure', 'configure');
    expect(container.textContent).toContain('Open it from Teams to add the tab.');
  });
});
