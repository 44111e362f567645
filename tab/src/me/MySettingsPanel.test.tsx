// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure, type ApiClient } from '../api/api-client.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import { buttonNamed, click, controlLabelled, renderInFluent, settle, typeInto, unmountRendered } from '../testing/render-page.js';
import { MySettingsPanel } from './MySettingsPanel.js';
import { MySummary } from './MySummary.js';
import { useMySettings } from './use-my-settings.js';
import { useMySummary } from './use-my-summary.js';

const SETTINGS = { paused: false, pausedAt: null, timeZone: null };

function Panels({ client }: { client: ApiClient }) {
  const summary = useMySummary(client);
  const settings = useMySettings(client);
  return (
    <>
      <MySummary summary={summary} locale="en-US" />
      <MySettingsPanel settings={settings} locale="en-US" />
    </>
  );
}

let container: HTMLElement;
afterEach(unmountRendered);

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]>) {
  const service = fakeApiClient({
    'GET /api/v1/me/summary': {
      streak: 0,
      minutesThisMonth: 0,
      entriesThisMonth: 0,
      month: '2026-11',
      followThrough: { actions: 4, results: 2, dropped: 0, awaiting: 2, due: 3, followThrough: 2 / 3, medianDaysToResult: 5 },
      followThroughWeeks: 52,
    },
    ...routes,
  });
  container = await renderInFluent(<Panels client={service.client} />);
  await settle();
  return service;
}

const settingsText = () => container.querySelector('[data-testid="my-settings"]')?.textContent ?? '';
const announced = () => container.querySelector('[data-testid="my-settings"] [role="status"]')?.textContent;

async function chooseZone(search: string, optionStart: string) {
  const input = controlLabelled('Time zone for your check-ins');
  await click(input); // opens the list, as a pointer does
  await typeInto(input, search);
  const option = [...document.querySelectorAll('[role="option"]')].find((o) => o.textContent?.startsWith(optionStart));
  await click(option);
}

describe('my summary and settings', () => {
  it('says there is no streak yet rather than showing a bare zero', async () => {
    await render({ 'GET /api/v1/me/settings': SETTINGS });
    const text = container.querySelector('[data-testid="my-summary"]')?.textContent ?? '';
    expect(text).toContain('No streak yet');
    expect(text).toContain('0 min');
    expect(text).toContain('0 entries');
  });

  it('says which part failed to load and loads it again on Retry', async () => {
    const service = await render({
      'GET /api/v1/me/summary': [
        new ApiFailure(500, 'Rollups are rebuilding'),
        {
          streak: 2,
          minutesThisMonth: 30,
          entriesThisMonth: 1,
          month: '2026-11',
          followThrough: { actions: 4, results: 2, dropped: 0, awaiting: 2, due: 3, followThrough: 2 / 3, medianDaysToResult: 5 },
          followThroughWeeks: 52,
        },
      ],
      'GET /api/v1/me/settings': [new ApiFailure(0, 'The service could not be reached. Check your connection.'), SETTINGS],
    });
    expect(container.textContent).toContain("Couldn't load your summary (HTTP 500): Rollups are rebuilding");
    expect(settingsText()).toContain("Couldn't load your check-in settings: The service could not be reached.");
    for (const retry of [...container.querySelectorAll('button')].filter((b) => b.textContent === 'Retry')) await click(retry);
    await settle();
    expect(container.textContent).toContain('2 check-ins in a row');
    expect((controlLabelled('Pause my check-ins') as HTMLInputElement).checked).toBe(false);
    expect(service.callsTo('GET', '/api/v1/me/settings')).toHaveLength(2);
  });

  it('flips the switch back and offers Retry when pausing fails', async () => {
    const service = await render({
      'GET /api/v1/me/settings': SETTINGS,
      'PUT /api/v1/me/settings': [new ApiFailure(503, 'Storage is down'), { paused: true, pausedAt: null, timeZone: null }],
    });
    const toggle = controlLabelled('Pause my check-ins') as HTMLInputElement;
    await click(toggle);
    await settle();
    expect(toggle.checked).toBe(false);
    expect(settingsText()).toContain("Couldn't pause your check-ins (HTTP 503): Storage is down");

    await click(buttonNamed('Retry'));
    await settle();
    expect(toggle.checked).toBe(true);
    expect(service.callsTo('PUT', '/')).toHaveLength(2);
    expect(settingsText()).not.toContain("Couldn't pause");
  });

  it('resumes paused check-ins', async () => {
    await render({
      'GET /api/v1/me/settings': { paused: true, pausedAt: '2026-11-02T08:00:00.000Z', timeZone: 'Europe/Berlin' },
      'PUT /api/v1/me/settings': { paused: false, pausedAt: null, timeZone: 'Europe/Berlin' },
    });
    expect(settingsText()).toContain('Paused since Nov 2, 2026');
    await click(controlLabelled('Pause my check-ins'));
    await settle();
    expect(announced()).toBe('Check-ins resumed.');
  });

  it('saves a chosen time zone, and the automatic choice again', async () => {
    const service = await render({
      'GET /api/v1/me/settings': SETTINGS,
      'PUT /api/v1/me/settings': [
        { paused: false, pausedAt: null, timeZone: 'Europe/Berlin' },
        { paused: false, pausedAt: null, timeZone: null },
      ],
    });
    const zone = controlLabelled('Time zone for your check-ins') as HTMLInputElement;
    expect(zone.value).toBe('Automatic: from Teams, or my team’s time zone');
    await chooseZone('berlin', 'Europe/Berlin');
    expect(zone.value).toMatch(/^Europe\/Berlin \(GMT\+0[12]:00\)$/);
    await click(buttonNamed('Save time zone'));
    await settle();
    expect(service.callsTo('PUT', '/')[0]?.body).toEqual({ timeZone: 'Europe/Berlin' });
    expect(announced()).toBe('Saved. Your check-ins follow Europe/Berlin.');

    await chooseZone('automatic', 'Automatic');
    await click(buttonNamed('Save time zone'));
    await settle();
    expect(service.callsTo('PUT', '/')[1]?.body).toEqual({ timeZone: null });
    expect(announced()).toBe('Saved. Your check-ins follow the time zone Teams reports for you, or your team’s.');
  });

  it('shows the service’s word on a zone it refuses beside the picker', async () => {
    await render({
      'GET /api/v1/me/settings': SETTINGS,
      'PUT /api/v1/me/settings': new ApiFailure(400, 'Invalid settings', 'invalid_request', [
        { field: 'timeZone', message: 'pick a zone the service knows' },
      ]),
    });
    await chooseZone('tokyo', 'Asia/Tokyo');
    await click(buttonNamed('Save time zone'));
    await settle();
    const zone = controlLabelled('Time zone for your check-ins');
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(settingsText()).toContain('Pick a zone the service knows');
    expect((zone as HTMLInputElement).value).toMatch(/^Asia\/Tokyo/);
  });
});
