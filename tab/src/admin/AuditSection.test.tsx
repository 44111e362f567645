// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEventView, AuditPageResponse } from '../../../bot/contract/api.js';
import { ApiFailure } from '../api/api-client.js';
import { captureDownloads, csvText } from '../testing/capture-downloads.js';
import { fakeApiClient, type FakeCall } from '../testing/fake-api-client.js';
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
import AuditSection from './AuditSection.js';

afterEach(() => {
  unmountRendered();
  vi.restoreAllMocks();
});

const AUDIT = 'GET /api/v1/admin/audit';
const viewed: AuditEventView = {
  at: '2026-03-02T10:15:00.000Z',
  kind: 'member_entries_viewed',
  actor: { userId: 'u-alex', displayName: 'Alex Wilber' },
  subject: { userId: 'u-megan', displayName: 'Megan Bowen' },
  teamId: '19:design@thread.tacv2',
  teamName: 'Product Design',
  detail: {},
};
const exported: AuditEventView = {
  at: '2026-03-01T09:00:00.000Z',
  kind: 'export_downloaded',
  actor: { userId: 'u-alex', displayName: 'Alex Wilber' },
  teamId: '19:design@thread.tacv2',
  teamName: 'Product Design',
  detail: { export: 'goals', weeks: 12 },
};
const granted: AuditEventView = {
  at: '2026-02-27T16:40:00.000Z',
  kind: 'admin_granted',
  actor: { userId: 'u-patti', displayName: 'Patti Fernandez' },
  subject: { userId: 'u-isaiah' },
  detail: {},
};

async function open(routes: Record<string, unknown>) {
  const service = fakeApiClient(routes);
  const page = await renderInFluent(<AuditSection client={service.client} locale="en-US" />);
  await settle(5);
  return { page, ...service };
}

const rows = (page: HTMLElement) =>
  [...page.querySelectorAll('[data-testid="audit-table"] tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
const page1: AuditPageResponse = { events: [viewed, exported], nextCursor: 'cursor-2' };
const page2: AuditPageResponse = { events: [granted], nextCursor: null };

describe('the audit trail section', () => {
  it('shows who did what to whom, in which team, in a table with headers, newest first', async () => {
    const { page } = await open({ [AUDIT]: page1 });
    await eventually(() => expect(rows(page)).toHaveLength(2));
    const table = page.querySelector('[data-testid="audit-table"]')!;
    expect(table.querySelector('caption')?.textContent).toBe('Audit trail, newest first');
    expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['When', 'col'],
      ['Who', 'col'],
      ['What', 'col'],
      ['Whom', 'col'],
      ['Team', 'col'],
      ['Detail', 'col'],
    ]);
    expect(rows(page)).toEqual([
      [expect.stringMatching(/Mar 2, 2026/), 'Alex Wilber', 'Member’s entries read', 'Megan Bowen', 'Product Design', '—'],
      [expect.stringMatching(/Mar 1, 2026/), 'Alex Wilber', 'Export downloaded', '—', 'Product Design', 'export: goals, weeks: 12'],
    ]);
    expect(table.querySelector('tbody th[scope="row"] time')?.getAttribute('datetime')).toBe(viewed.at);
  });

  it('loads the next page after the last, with the cursor, and offers no more at the end', async () => {
    const { page, callsTo } = await open({ [AUDIT]: (call: FakeCall) => (call.path.includes('cursor=') ? page2 : page1) });
    await eventually(() => expect(buttonNamed('Load more')).toBeDefined());
    await click(buttonNamed('Load more'));
    await eventually(() => expect(rows(page)).toHaveLength(3));
    expect(callsTo('GET', '/api/v1/admin/audit').map((c) => c.path)).toEqual([
      '/api/v1/admin/audit',
      '/api/v1/admin/audit?cursor=cursor-2',
    ]);
    // Named by id when the record has no name.
    expect(rows(page)[2]!.slice(1, 4)).toEqual(['Patti Fernandez', 'L&D admin named', 'u-isaiah']);
    expect(buttonNamed('Load more')).toBeUndefined();
    expect(page.textContent).toContain('Events shown: 3');
  });

  it('filters by kind and person (labelled controls), from the first page again, and downloads the same filter as CSV', async () => {
    const saved = captureDownloads();
    const { page, callsTo } = await open({
      [AUDIT]: (call: FakeCall) => (call.path.includes('kind=') ? { events: [exported], nextCursor: null } : page1),
      'GET /api/v1/admin/audit.csv': 'When (UTC),What\r\n2026-03-01T09:00:00.000Z,export_downloaded\r\n',
    });
    await eventually(() => expect(rows(page)).toHaveLength(2));
    const kind = controlLabelled('What') as HTMLSelectElement;
    expect([...kind.options].map((o) => o.textContent)).toContain('Export downloaded');
    kind.value = 'export_downloaded';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await typeInto(controlLabelled('Person'), '  Alex Wilber ');
    await click(buttonNamed('Show'));
    await eventually(() => expect(rows(page)).toHaveLength(1));
    expect(callsTo('GET', '/api/v1/admin/audit').at(-1)?.path).toBe('/api/v1/admin/audit?person=Alex+Wilber&kind=export_downloaded');

    await click(buttonNamed('Download the audit trail (CSV)'));
    await eventually(() => expect(saved).toHaveLength(1));
    expect(callsTo('GET', '/api/v1/admin/audit.csv')[0]?.path).toBe('/api/v1/admin/audit.csv?person=Alex+Wilber&kind=export_downloaded');
    expect(saved[0]!.name).toMatch(/^learning-loop-audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await csvText(saved[0]!)).toContain('export_downloaded');
    expect(page.querySelector('[data-testid="audit-status"]')?.textContent).toBe('Downloaded the audit trail.');
  });

  it('says when nothing matches, and what failed with a retry when the service refuses', async () => {
    const { page, answerWith } = await open({ [AUDIT]: { events: [], nextCursor: null } });
    await eventually(() => expect(page.textContent).toContain('Nothing recorded matches.'));
    answerWith(AUDIT, new ApiFailure(503, 'The service is busy.', 'unavailable'), page1);
    await click(buttonNamed('Show'));
    await eventually(() => expect(page.textContent).toContain("Couldn't load the audit trail"));
    expect(page.textContent).not.toContain('Nothing recorded matches.');
    await click(buttonNamed('Retry'));
    await eventually(() => expect(rows(page)).toHaveLength(2));
  });
});
