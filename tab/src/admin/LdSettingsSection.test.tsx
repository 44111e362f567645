// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { LD_FOLLOW_UP_DAYS_MAX, LD_FOLLOW_UP_DAYS_MIN, ldSettingsBody } from '../../../bot/contract/ld-settings.js';
import { LD_LIMITS, type LdSettingsResponse } from '../api/ld-settings-types.js';
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
import LdSettingsSection from './LdSettingsSection.js';

afterEach(() => unmountRendered());

const SETTINGS: LdSettingsResponse = {
  settings: { followUpDays: 7, defaultCadence: 'weekly', flagResponseBelow: 50 },
  updatedAt: null,
  admins: [
    { userId: 'patti', displayName: 'Patti Fernandez', configured: true },
    { userId: 'lidia', displayName: 'Lidia Holloway', configured: false },
  ],
};

async function open(routes: Record<string, unknown>) {
  const service = fakeApiClient({ 'GET /api/v1/admin/settings': SETTINGS, ...routes });
  const page = await renderInFluent(<LdSettingsSection client={service.client} locale="en-GB" />);
  await settle(5);
  return { page, ...service };
}

const adminLines = (page: HTMLElement) => [...page.querySelectorAll('[data-testid="ld-admin"]')].map((li) => li.textContent);

describe('the L&D settings section', () => {
  it('keeps the tab’s limits the service’s', () => {
    expect(LD_LIMITS.followUpDays).toEqual({ min: LD_FOLLOW_UP_DAYS_MIN, max: LD_FOLLOW_UP_DAYS_MAX });
    const percent = (flagResponseBelow: number) =>
      ldSettingsBody.safeParse({ followUpDays: 5, defaultCadence: 'weekly', flagResponseBelow }).success;
    expect(
      [
        LD_LIMITS.flagResponseBelow.min - 1,
        LD_LIMITS.flagResponseBelow.min,
        LD_LIMITS.flagResponseBelow.max,
        LD_LIMITS.flagResponseBelow.max + 1,
      ].map(percent),
    ).toEqual([false, true, true, false]);
  });

  it('shows what L&D asks of leaders and the admins, those named in configuration without a Remove', async () => {
    const { page } = await open({});
    await eventually(() => expect(page.querySelector('[data-testid="ld-settings-form"]')).not.toBeNull());
    expect((controlLabelled('Follow up within (days)') as HTMLInputElement).value).toBe('7');
    expect((controlLabelled('Check-in cadence for new teams') as HTMLSelectElement).value).toBe('weekly');
    expect((controlLabelled('Flag teams answering fewer check-ins than (%)') as HTMLInputElement).value).toBe('50');
    expect(adminLines(page)).toEqual(['Patti FernandezNamed in the configuration', 'Lidia HollowayRemove Lidia Holloway']);
    expect(buttonNamed('Remove Patti Fernandez')).toBeUndefined();
  });

  it('saves the settings, and keeps what was typed beside the field the service refused', async () => {
    const refused = new ApiFailure(400, 'Invalid L&D settings', 'invalid_ld_settings', [
      { field: 'followUpDays', message: 'Give 1 to 30 days' },
    ]);
    const saved: LdSettingsResponse = {
      ...SETTINGS,
      settings: { ...SETTINGS.settings, followUpDays: 3 },
      updatedAt: '2026-11-28T12:00:00Z',
    };
    const { page, callsTo } = await open({ 'PUT /api/v1/admin/settings': [refused, saved] });
    await eventually(() => expect(buttonNamed('Save')).toBeDefined());
    await typeInto(controlLabelled('Follow up within (days)'), '45');
    await click(buttonNamed('Save'));
    await eventually(() => expect(page.textContent).toContain('Give 1 to 30 days'));
    expect(callsTo('PUT', '/api/v1/admin/settings')[0]?.body).toEqual({
      followUpDays: 45,
      defaultCadence: 'weekly',
      flagResponseBelow: 50,
    });
    expect((controlLabelled('Follow up within (days)') as HTMLInputElement).value).toBe('45');
    await typeInto(controlLabelled('Follow up within (days)'), '3');
    await click(buttonNamed('Save'));
    await eventually(() => expect(page.textContent).toContain('Saved.'));
    expect(callsTo('PUT', '/api/v1/admin/settings')[1]?.body).toEqual({ followUpDays: 3, defaultCadence: 'weekly', flagResponseBelow: 50 });
    expect((controlLabelled('Follow up within (days)') as HTMLInputElement).value).toBe('3');
    expect(page.textContent).not.toContain('Give 1 to 30 days');
  });

  it('finds people the app knows by name, leaves out those already admins, and adds the one picked', async () => {
    const megan = { userId: 'megan', displayName: 'Megan Bowen' };
    const withMegan: LdSettingsResponse = { ...SETTINGS, admins: [...SETTINGS.admins, { ...megan, configured: false }] };
    const { page, callsTo } = await open({
      'GET /api/v1/admin/people': { people: [megan, { userId: 'lidia', displayName: 'Lidia Holloway' }] },
      'POST /api/v1/admin/settings/admins': withMegan,
    });
    await eventually(() => expect(page.querySelector('[data-testid="people-picker"]')).not.toBeNull());
    await typeInto(controlLabelled('Add an L&D admin'), 'Me');
    await eventually(() => expect(buttonNamed('Add Megan Bowen')).toBeDefined());
    expect(callsTo('GET', '/api/v1/admin/people').at(-1)?.path).toBe('/api/v1/admin/people?name=Me');
    // Lidia is an admin already: not offered again.
    expect(buttonNamed('Add Lidia Holloway')).toBeUndefined();
    await click(buttonNamed('Add Megan Bowen'));
    await eventually(() => expect(page.textContent).toContain('Megan Bowen is now an L&D admin.'));
    expect(callsTo('POST', '/api/v1/admin/settings/admins')[0]?.body).toEqual({ userId: 'megan' });
    expect(adminLines(page)).toContain('Megan BowenRemove Megan Bowen');
    expect(buttonNamed('Add Megan Bowen')).toBeUndefined();
  });

  it('says when nobody the app knows has the name typed', async () => {
    const { page } = await open({ 'GET /api/v1/admin/people': { people: [] } });
    await eventually(() => expect(page.querySelector('[data-testid="people-picker"]')).not.toBeNull());
    await typeInto(controlLabelled('Add an L&D admin'), 'Zz');
    await eventually(() => expect(page.textContent).toContain('Nobody the app knows has that name.'));
  });

  it('removes an admin named in the app, and offers no Remove for the last admin', async () => {
    const alone: LdSettingsResponse = { ...SETTINGS, admins: [SETTINGS.admins[1]!] };
    const { page, callsTo } = await open({ 'DELETE /api/v1/admin/admins/lidia': undefined });
    await eventually(() => expect(buttonNamed('Remove Lidia Holloway')).toBeDefined());
    await click(buttonNamed('Remove Lidia Holloway'));
    await eventually(() => expect(page.textContent).toContain('Lidia Holloway is no longer an L&D admin.'));
    expect(callsTo('DELETE', '/api/v1/admin/admins/lidia')).toHaveLength(1);
    unmountRendered();
    const last = await open({ 'GET /api/v1/admin/settings': alone });
    await eventually(() => expect(last.page.textContent).toContain('The last L&D admin cannot be removed.'));
    expect(buttonNamed('Remove Lidia Holloway')).toBeUndefined();
  });
});
