// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardResponse } from '../api/dashboard-types.js';
import { dashboard, TEAM_ID } from '../testing/dashboard-fixtures.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { buttonNamed, click, eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import ScheduleForm from './ScheduleForm.js';

afterEach(unmountRendered);

const CHANNELS = `GET /api/v1/teams/${encodeURIComponent(TEAM_ID)}/channels`;
const SETTINGS = `PUT /api/v1/teams/${encodeURIComponent(TEAM_ID)}/settings`;
const HINT = 'Your organisation’s default for new teams, from the L&D settings.';

/** A team no lead has set up yet, as the dashboard sends it to a lead: with L&D's cadence for new teams. */
const neverSetUp = (defaultCadence: 'weekly' | 'biweekly'): DashboardResponse['settings'] => ({
  schedule: null,
  sharesChannelId: null,
  updatedAt: '2026-09-01T09:00:00Z',
  roundup: { enabled: true, weekday: 5 },
  defaultCadence,
});

async function render(settings: DashboardResponse['settings'], locale = 'en') {
  const service = fakeApiClient({
    [CHANNELS]: { channels: [{ id: '19:general@thread.tacv2', name: 'General' }] },
    [SETTINGS]: ({ body }: { body: unknown }) => ({ settings: { ...settings, ...(body as object) } }),
  });
  const form = await renderInFluent(
    <ScheduleForm
      client={service.client}
      teamId={TEAM_ID}
      locale={locale}
      settings={settings}
      channelId="19:general@thread.tacv2"
      onSaved={() => {}}
    />,
    { locale },
  );
  await settle(5);
  return { form, ...service };
}

const checked = (form: HTMLElement) => form.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
/** The hint under "How often", found as the radio group's description, so a screen reader says it too. */
const cadenceHint = (form: HTMLElement) => {
  const ids = form.querySelector('[role="radiogroup"]')?.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
};

describe('the schedule form’s cadence for a team never set up', () => {
  it('starts from the cadence L&D set for new teams, says it is the organisation’s while it is chosen, and sends it', async () => {
    const { form, callsTo } = await render(neverSetUp('biweekly'));
    expect(checked(form)).toBe('biweekly');
    expect(cadenceHint(form)).toBe(HINT);
    // Another choice is the lead's own, and the hint goes; back on the organisation's, it says so again.
    await click(form.querySelector('input[type="radio"][value="weekly"]'));
    expect(checked(form)).toBe('weekly');
    expect(form.textContent).not.toContain(HINT);
    await click(form.querySelector('input[type="radio"][value="biweekly"]'));
    expect(cadenceHint(form)).toBe(HINT);
    await eventually(() => expect(form.querySelector('select option[value="19:general@thread.tacv2"]')).not.toBeNull());
    await click(buttonNamed('Save schedule', form));
    await settle();
    expect(callsTo('PUT', '/api/v1/teams/')[0]?.body).toMatchObject({ cadence: 'biweekly' });
  });

  it('starts a team already set up from its own cadence, with no word of the organisation’s', async () => {
    const own = dashboard().settings;
    const { form } = await render({ ...own, schedule: { ...own.schedule!, cadence: 'biweekly' } });
    expect(checked(form)).toBe('biweekly');
    expect(cadenceHint(form)).toBe('');
    expect(form.textContent).not.toContain(HINT);

    unmountRendered();
    const weekly = await render(own);
    expect(checked(weekly.form)).toBe('weekly');
    expect(weekly.form.textContent).not.toContain(HINT);
  });

  it('says where the cadence came from in Spanish and Arabic, in the words of the L&D settings', async () => {
    const es = await render(neverSetUp('weekly'), 'es-ES');
    expect(checked(es.form)).toBe('weekly');
    expect(cadenceHint(es.form)).toBe('Frecuencia predeterminada de tu organización para equipos nuevos, según los ajustes de formación.');
    unmountRendered();
    const ar = await render(neverSetUp('biweekly'), 'ar');
    expect(checked(ar.form)).toBe('biweekly');
    expect(cadenceHint(ar.form)).toBe('الوتيرة الافتراضية في مؤسستك للفرق الجديدة، حسب إعدادات التعلّم والتطوير.');
  });
});
