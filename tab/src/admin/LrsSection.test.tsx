// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
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
import LrsSection from './LrsSection.js';

afterEach(() => unmountRendered());

const SETTINGS = {
  settings: {
    configured: true,
    endpoint: 'https://lrs.example.com/xapi',
    key: 'learning-loop',
    secretSet: true,
    updatedAt: '2026-03-01T09:00:00.000Z',
  },
};
const STATUS = {
  configured: true,
  sent: 1204,
  pending: 3,
  failed: 1,
  latestFailure: {
    statementId: 'x',
    verb: 'rated',
    error: '401 bad credentials (check the key and secret)',
    at: '2026-03-01T09:00:00.000Z',
  },
  backfill: null,
};

async function open(routes: Record<string, unknown>) {
  const service = fakeApiClient({ 'GET /api/v1/admin/lrs': SETTINGS, 'GET /api/v1/admin/lrs/status': STATUS, ...routes });
  const page = await renderInFluent(<LrsSection client={service.client} locale="en-GB" />);
  await settle(5);
  return { page, ...service };
}

describe('the Learning Record Store section', () => {
  it('shows the settings with the secret write-only, and what was sent, waits and failed', async () => {
    const { page } = await open({});
    await eventually(() => expect(page.querySelector('[data-testid="lrs-status"]')).not.toBeNull());
    expect((controlLabelled('Endpoint') as HTMLInputElement).value).toBe('https://lrs.example.com/xapi');
    expect((controlLabelled('Secret') as HTMLInputElement).value).toBe('');
    expect(page.textContent).toContain('A secret is set. Leave this blank to keep it.');
    expect(page.querySelector('[data-testid="lrs-status"]')?.textContent).toMatch(/Sent: 1,204.*Waiting: 3.*Failed: 1/);
    expect(page.textContent).toContain('401 bad credentials');
    expect(buttonNamed('Send the history')).toBeDefined();
  });

  it('saves without a secret to keep the stored one, and shows a refused field beside it', async () => {
    const refused = new ApiFailure(400, 'Invalid LRS settings', 'invalid_lrs_settings', [
      { field: 'endpoint', message: 'The endpoint must start with https://' },
    ]);
    const { page, callsTo } = await open({ 'PUT /api/v1/admin/lrs': [refused, SETTINGS] });
    await eventually(() => expect(buttonNamed('Save')).toBeDefined());
    await typeInto(controlLabelled('Endpoint'), 'http://lrs.example.com/xapi');
    await click(buttonNamed('Save'));
    await eventually(() => expect(page.textContent).toContain('The endpoint must start with https://'));
    expect(callsTo('PUT', '/api/v1/admin/lrs')[0]?.body).toEqual({ endpoint: 'http://lrs.example.com/xapi', key: 'learning-loop' });
    // What was typed stays for correcting.
    expect((controlLabelled('Endpoint') as HTMLInputElement).value).toBe('http://lrs.example.com/xapi');
    await typeInto(controlLabelled('Endpoint'), 'https://lrs.example.com/xapi');
    await typeInto(controlLabelled('Secret'), 'n3w');
    await click(buttonNamed('Save'));
    await eventually(() => expect(page.textContent).toContain('Saved.'));
    expect(callsTo('PUT', '/api/v1/admin/lrs')[1]?.body).toEqual({
      endpoint: 'https://lrs.example.com/xapi',
      key: 'learning-loop',
      secret: 'n3w',
    });
  });

  it('sends the history once when asked', async () => {
    const { page, callsTo } = await open({
      'POST /api/v1/admin/lrs/backfill': { started: true, backfill: { status: 'running', startedAt: '', finishedAt: null, written: 0 } },
    });
    await eventually(() => expect(buttonNamed('Send the history')).toBeDefined());
    await click(buttonNamed('Send the history'));
    await eventually(() => expect(page.textContent).toContain('The history is on its way.'));
    expect(callsTo('POST', '/api/v1/admin/lrs/backfill')).toHaveLength(1);
  });
});

describe('the Learning Record Store section in the admin’s language', () => {
  async function openIn(locale: string, status: object = STATUS) {
    const service = fakeApiClient({ 'GET /api/v1/admin/lrs': SETTINGS, 'GET /api/v1/admin/lrs/status': status });
    const page = await renderInFluent(<LrsSection client={service.client} locale={locale} />, { locale });
    await settle(5);
    await eventually(() => expect(page.querySelector('[data-testid="lrs-status"]')).not.toBeNull());
    return page;
  }

  it('reads in Spanish: labels, hints, counts in Spanish format, and the LRS’s own error as it said it', async () => {
    const page = await openIn('es-MX');
    expect((controlLabelled('Punto de conexión') as HTMLInputElement).value).toBe('https://lrs.example.com/xapi');
    expect(controlLabelled('Secreto')).toBeDefined();
    expect(page.textContent).toContain('Hay un secreto guardado. Deja este campo en blanco para conservarlo.');
    expect(page.querySelector('[data-testid="lrs-status"]')?.textContent).toMatch(/Enviadas: 1,204.*En espera: 3.*Con error: 1/);
    expect(page.textContent).toContain('una declaración «rated»): 401 bad credentials (check the key and secret).');
    expect(buttonNamed('Enviar el historial')).toBeDefined();
    expect(buttonNamed('Guardar')).toBeDefined();
  });

  it('reads in Arabic, with Arabic digits and the dual for two statements', async () => {
    const page = await openIn('ar-EG', { ...STATUS, backfill: { status: 'done', startedAt: '', finishedAt: '', written: 2 } });
    expect(controlLabelled('نقطة الاتصال')).toBeDefined();
    expect(page.querySelector('[data-testid="lrs-status"]')?.textContent).toContain('المُرسلة: ١٬٢٠٤');
    expect(page.textContent).toContain('أُرسل السجل السابق مرة واحدة: بيانان.');
    expect(buttonNamed('تحديث')).toBeDefined();
  });
});
