// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { captureDownloads, csvText, type SavedFile } from '../testing/capture-downloads.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import {
  buttonNamed,
  click,
  controlLabelled,
  eventually,
  renderInFluent,
  settle,
  typeInto,
  unmountRendered,
} from '../testing/render-page.js';
import { LazyMyData } from './lazy-my-data.js';

const JSON_ROUTE = 'GET /api/v1/me/export';
const CSV_ROUTE = 'GET /api/v1/me/export.csv';
const ERASE_ROUTE = 'DELETE /api/v1/me';
const LABEL = 'Type “erase my data” to confirm';

let container: HTMLElement;
let saved: SavedFile[];

beforeEach(() => {
  saved = captureDownloads();
});
afterEach(() => {
  unmountRendered();
  vi.restoreAllMocks();
});

async function render(routes: Record<string, FakeAnswer | FakeAnswer[]> = {}) {
  const service = fakeApiClient(routes);
  container = await renderInFluent(<LazyMyData client={service.client} />);
  await eventually(() => expect(buttonNamed('Download JSON', container)).toBeDefined());
  return service;
}

const status = () => container.querySelector('[data-testid="my-data-status"]')?.textContent;
const eraseDialog = () => document.querySelector<HTMLElement>('[data-testid="erase-my-data-dialog"]');

async function openErase() {
  await click(container.querySelector('[data-testid="erase-my-data"]'));
  await eventually(() => expect(eraseDialog()).not.toBeNull());
  return eraseDialog()!;
}

describe('“Your data” on the personal page', () => {
  it('is a titled section the chat’s link can land on, asking nothing of the service until used', async () => {
    const service = await render();
    expect(container.querySelector('#your-data h2')?.textContent).toBe('Your data');
    expect(container.querySelector('section')?.getAttribute('aria-labelledby')).toBe(container.querySelector('h2')?.id);
    expect(service.calls).toEqual([]);
  });

  it('downloads everything as the JSON the service made, through the signed-in client', async () => {
    const service = await render({ [JSON_ROUTE]: '{"format":"learning-loop/my-data@1"}' });
    await click(buttonNamed('Download JSON', container));
    await settle();
    expect(service.calls).toEqual([{ method: 'GET', path: '/api/v1/me/export' }]);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toMatch(/^learning-loop-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(saved[0]!.blob.type).toBe('application/json');
    expect(await saved[0]!.blob.text()).toBe('{"format":"learning-loop/my-data@1"}');
    expect(status()).toBe('Downloaded all your data as JSON.');
  });

  it('downloads the entries as CSV, marked as UTF-8 for spreadsheets', async () => {
    await render({ [CSV_ROUTE]: 'id,created_at\r\ne1,2026-11-27\r\n' });
    await click(buttonNamed('Download CSV', container));
    await settle();
    expect(saved[0]!.name).toMatch(/^learning-loop-my-entries-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await csvText(saved[0]!)).toBe('id,created_at\r\ne1,2026-11-27\r\n');
    expect(status()).toBe('Downloaded your learning entries as CSV.');
  });

  it('says what failed and tries again on Retry', async () => {
    await render({ [JSON_ROUTE]: [new ApiFailure(503, 'Storage is unavailable'), '{}'] });
    await click(buttonNamed('Download JSON', container));
    await settle();
    expect(container.textContent).toContain("Couldn't download your data (HTTP 503): Storage is unavailable");
    expect(saved).toEqual([]);
    await click(buttonNamed('Retry', container));
    await settle();
    expect(saved).toHaveLength(1);
    expect(container.textContent).not.toContain('Storage is unavailable');
  });

  it('erases only on the typed phrase, says it cannot be undone, then says everything was erased', async () => {
    const service = await render({ [ERASE_ROUTE]: undefined });
    const form = await openErase();
    expect(form.querySelector('h2')?.textContent).toBe('Erase all your data?');
    expect(form.getAttribute('aria-labelledby')).toBe(form.querySelector('h2')?.id);
    expect(form.textContent).toContain('This cannot be undone.');

    await typeInto(controlLabelled(LABEL, form), 'erase my stuff');
    await click(buttonNamed('Erase my data', form));
    await settle();
    expect(service.calls).toEqual([]);
    expect(form.textContent).toContain('Type “erase my data” to confirm. Nothing has been erased.');
    expect(document.activeElement).toBe(controlLabelled(LABEL, form));

    await typeInto(controlLabelled(LABEL, form), 'Erase my data');
    await click(buttonNamed('Erase my data', form));
    await settle();
    expect(service.calls).toEqual([{ method: 'DELETE', path: '/api/v1/me', body: { confirm: 'Erase my data' } }]);
    expect(eraseDialog()).toBeNull();
    const done = container.querySelector('[data-testid="my-data-erased"]');
    expect(done?.getAttribute('role')).toBe('status');
    expect(done?.textContent).toContain('Everything Learning Loop held of yours was erased.');
    expect(buttonNamed('Download JSON', container)).toBeUndefined();
    expect(document.activeElement).toBe(container.querySelector('h2'));
  });

  it('keeps the dialog open with the service’s refusal, or with what failed and a Retry', async () => {
    const service = await render({
      [ERASE_ROUTE]: [
        new ApiFailure(400, 'To erase all your data, send {"confirm": "erase my data"}. Nothing was deleted.'),
        new ApiFailure(503, 'Storage is unavailable'),
        undefined,
      ],
    });
    const form = await openErase();
    await typeInto(controlLabelled(LABEL, form), 'erase my data');
    await click(buttonNamed('Erase my data', form));
    await settle();
    expect(document.querySelector('[data-testid="erase-my-data-refusal"]')?.textContent).toContain('Nothing was deleted.');
    await click(buttonNamed('Erase my data', form));
    await settle();
    expect(form.textContent).toContain("Couldn't erase your data (HTTP 503): Storage is unavailable");
    await click(buttonNamed('Retry', form));
    await settle();
    expect(service.callsTo('DELETE', '/api/v1/me')).toHaveLength(3);
    expect(container.querySelector('[data-testid="my-data-erased"]')).not.toBeNull();
  });

  it('changes nothing on Cancel, and gives focus back to the button that opened it', async () => {
    const service = await render();
    const form = await openErase();
    await click(buttonNamed('Cancel', form));
    expect(eraseDialog()).toBeNull();
    expect(service.calls).toEqual([]);
    expect(document.activeElement).toBe(container.querySelector('[data-testid="erase-my-data"]'));
  });
});
