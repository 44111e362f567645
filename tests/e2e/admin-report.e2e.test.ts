import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_LD_ADMIN, DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';
import { saveScreenshot } from './support/screenshots.js';
import { startLrsStandIn } from '../support/lrs-stand-in.js';
import { asDemoPerson } from '../../bot/testing/requests.js';

const alex = DEMO_PEOPLE[0]!;

describe('the three-level report for L&D admins (local mode, demo data)', () => {
  const tab = useDemoTab();

  const openReport = (userId: string, query = '') => tab.open('/admin', userId, query);

  /** Alex's own line in the leads table: follow-ups asked and done. */
  async function alexsLine(page: Page): Promise<string[]> {
    const row = page.getByTestId('report-leads').locator('tbody tr').filter({ hasText: alex.displayName });
    return row.locator('th, td').allTextContents();
  }

  it('leads an admin from their own page to the report, with every level, team and lead', async () => {
    const page = await tab.open('/personal', DEMO_LD_ADMIN.userId);
    await page.getByRole('link', { name: 'open the learning report across all teams' }).click();
    await page.getByTestId('report-teams').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Learning report');
    const team = await page
      .getByTestId('report-teams')
      .locator('tbody tr')
      .filter({ hasText: DEMO_TEAM.name })
      .locator('th, td')
      .allTextContents();
    expect(team[0]).toBe(DEMO_TEAM.name);
    expect(Number(team[1])).toBeGreaterThan(0); // entries
    expect(team[4]).toBe(String(DEMO_PEOPLE.length)); // members
    expect(team[5]).toMatch(/^\d+%$/); // response rate
    expect((await alexsLine(page))[1]).toBe(DEMO_TEAM.name);
    for (const level of ['level-system', 'level-learners', 'level-leaders'])
      await expect.poll(() => page.getByTestId(level).isVisible()).toBe(true);
    await page.getByTestId('report-chart').waitFor();
    await saveScreenshot(page, 'learning-report.png', { height: 1300 });
  });

  it('counts a lead’s nudge as nudged, and the follow-up as done once the learner answered and the lead closed it', async () => {
    const lead = { tenantId: DEMO_TENANT_ID, userId: alex.userId };
    const { members } = await tab.service.services.dashboards.dashboardFor(lead, DEMO_TEAM.id, 4);
    const flagged = members.find((m) => m.needsFollowUp && m.userId !== alex.userId);
    expect(flagged, 'the demo team has a member who needs a follow-up').toBeDefined();
    const page = await openReport(DEMO_LD_ADMIN.userId);
    await page.getByTestId('report-leads').waitFor();
    const [, , askedBefore, doneBefore, , , nudgedBefore] = await alexsLine(page);
    const nudge = await tab.service.services.nudges.nudge(lead, DEMO_TEAM.id, flagged!.userId, { note: 'How is it going?' });
    // The report reads the organisation's figures as last computed; the background job's next pass counts the nudge.
    const recount = async () => {
      await tab.service.orgFigures.runTenant(DEMO_TENANT_ID);
      await page.reload();
      await page.getByTestId('report-leads').waitFor();
      return alexsLine(page);
    };
    const [, , asked, done, , , nudged] = await recount();
    expect(Number(nudged)).toBe(Number(nudgedBefore) + 1);
    expect(Number(done), 'a nudge alone is not done').toBe(Number(doneBefore));
    expect(Number(asked)).toBeGreaterThanOrEqual(Number(askedBefore));

    const learner = { tenantId: DEMO_TENANT_ID, userId: flagged!.userId };
    await tab.service.services.nudges.reply(learner, DEMO_TEAM.id, nudge.nudgeId, 'lets-talk');
    await tab.service.services.followUps.close(lead, DEMO_TEAM.id, nudge.nudgeId, 'We talked');
    const [, , , doneAfter] = await recount();
    expect(Number(doneAfter)).toBe(Number(doneBefore) + 1);
    expect(await page.getByTestId('report-follow-up-definition').textContent()).toContain('a lead closed it');
  });

  it('downloads the report as CSV, and shows another period on request', async () => {
    const page = await openReport(DEMO_LD_ADMIN.userId);
    await page.getByTestId('report-teams').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^learning-loop-report-12-weeks-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^team,week,week_start,entries,minutes,/);
    expect(lines.filter((l) => l.startsWith(`${DEMO_TEAM.name},`))).toHaveLength(13); // the period and its 12 weeks
    await page.getByRole('tab', { name: '4 weeks' }).click();
    await expect.poll(() => page.getByTestId('report-weeks').locator('tbody tr').count()).toBe(4);
  });

  it('tells a lead who is not an admin that the report is not theirs, and shows them no way in', async () => {
    const page = await openReport(alex.userId);
    await page.getByTestId('not-admin').waitFor();
    expect(await page.getByTestId('report-teams').count()).toBe(0);
    const personal = await tab.open('/personal', alex.userId);
    await personal.getByTestId('log-status').waitFor({ state: 'attached' });
    await personal.getByText('Your learning log').waitFor();
    expect(await personal.getByTestId('report-link').count()).toBe(0);
  });

  it(
    'connects a Learning Record Store: a bad endpoint is named and kept, the secret never comes back, and the history arrives',
    { timeout: 90_000 },
    async () => {
      const lrs = await startLrsStandIn({ key: 'learning-loop', secret: 's3cret-value' });
      try {
        const page = await openReport(DEMO_LD_ADMIN.userId);
        const form = page.getByRole('form', { name: 'Learning Record Store settings' });
        await form.waitFor();
        await form.getByLabel('Endpoint').fill('ftp://lrs.example.com/xapi');
        await form.getByLabel('Key').fill('learning-loop');
        await form.getByLabel('Secret').fill('s3cret-value');
        await form.getByRole('button', { name: 'Save' }).click();
        await expect.poll(() => form.textContent()).toMatch(/https/);
        expect(await form.getByLabel('Endpoint').inputValue()).toBe('ftp://lrs.example.com/xapi');
        expect(await form.getByLabel('Secret').inputValue()).toBe('s3cret-value');

        await form.getByLabel('Endpoint').fill(lrs.endpoint);
        await form.getByRole('button', { name: 'Save' }).click();
        await form.getByText('A secret is set. Leave this blank to keep it.').waitFor();
        expect(await form.getByLabel('Secret').inputValue()).toBe('');
        // Nothing the tab can read holds the secret: not the settings, not the status.
        for (const path of ['/api/v1/admin/lrs', '/api/v1/admin/lrs/status']) {
          const res = await fetch(`${tab.service.baseUrl}${path}`, { headers: asDemoPerson(DEMO_LD_ADMIN.userId) });
          expect(res.status).toBe(200);
          expect(await res.text()).not.toContain('s3cret-value');
        }

        await page.getByRole('button', { name: 'Send the history' }).click();
        await page.getByText('The history is on its way.').waitFor();
        // The test service runs no background jobs: send what is due by hand until nothing is left.
        for (let i = 0; i < 200; i++) {
          const sent = await tab.service.xapiSender.drainOnce();
          if (sent === 0 && lrs.stored.size > 0) break;
          if (sent === 0) await new Promise((r) => setTimeout(r, 100));
        }
        expect(lrs.stored.size).toBeGreaterThan(0);
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect.poll(async () => page.getByTestId('lrs-status').textContent()).toContain(`Sent: ${lrs.stored.size}`);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      } finally {
        await lrs.stop();
      }
    },
  );

  it('shows the audit trail: who downloaded what, filtered by kind and person, and downloads the same as CSV', async () => {
    const csv = await fetch(`${tab.service.baseUrl}/api/v1/admin/report.csv?weeks=4`, { headers: asDemoPerson(DEMO_LD_ADMIN.userId) });
    expect(csv.status).toBe(200);
    const page = await openReport(DEMO_LD_ADMIN.userId);
    const section = page.getByTestId('audit-section');
    await section.getByTestId('audit-table').waitFor();
    await section.getByLabel('What').selectOption('export_downloaded');
    await section.getByLabel('Person').fill('patti fernandez');
    await section.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => section.locator('tbody tr').first().textContent()).toContain('Export downloaded');
    const rows = await section.locator('tbody tr').allTextContents();
    expect(rows.every((r) => r.includes(DEMO_LD_ADMIN.displayName) && r.includes('Export downloaded'))).toBe(true);
    expect(rows[0]).toContain('export: report, weeks: 4');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Download the audit trail (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^learning-loop-audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^When \(UTC\),What,Who \(id\),Who,/);
    expect(lines.slice(1).every((l) => l.includes(',export_downloaded,'))).toBe(true);
    expect(lines).toHaveLength(rows.length + 1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each(['light', 'dark', 'contrast'])('has no accessibility violations in the %s theme', { timeout: 60_000 }, async (theme) => {
    const page = await openReport(DEMO_LD_ADMIN.userId, `&theme=${theme}`);
    await page.getByTestId('report-chart').waitFor();
    await page.getByTestId('lrs-section').waitFor();
    await page.getByTestId('audit-section').waitFor();
    await page.getByTestId('ld-settings-form').waitFor();
    await page.getByTestId('ld-admins').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it(
    'sets what L&D asks of leaders: a bad value named and kept, then saved; an admin picked by name, then removed',
    { timeout: 60_000 },
    async () => {
      const megan = DEMO_PEOPLE[1]!;
      // A member who is not an admin is refused the page and the settings.
      const refused = await openReport(megan.userId);
      await refused.getByTestId('not-admin').waitFor();
      expect(await refused.getByTestId('ld-settings-section').count()).toBe(0);
      const direct = await fetch(`${tab.service.baseUrl}/api/v1/admin/settings`, { headers: asDemoPerson(megan.userId) });
      expect(direct.status).toBe(403);

      const page = await openReport(DEMO_LD_ADMIN.userId);
      const form = page.getByTestId('ld-settings-form');
      await form.waitFor();
      await form.getByLabel('Follow up within (days)').fill('45');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('Give 1 to 30 days').waitFor();
      expect(await form.getByLabel('Follow up within (days)').inputValue()).toBe('45');
      await form.getByLabel('Follow up within (days)').fill('5');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('ld-settings-section').getByText('Saved.').waitFor();
      expect((await tab.service.services.ldSettings.expectations(DEMO_TENANT_ID)).followUpDays).toBe(5);

      const admins = page.getByTestId('ld-admins');
      await admins.getByLabel('Add an L&D admin').fill('meg');
      await admins.getByRole('button', { name: `Add ${megan.displayName}` }).click();
      await page.getByTestId('ld-settings-section').getByText(`${megan.displayName} is now an L&D admin.`).waitFor();
      expect(await tab.service.stores.admins.isAdmin(DEMO_TENANT_ID, megan.userId)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await admins.getByRole('button', { name: `Remove ${megan.displayName}` }).click();
      await page.getByTestId('ld-settings-section').getByText(`${megan.displayName} is no longer an L&D admin.`).waitFor();
      expect(await tab.service.stores.admins.isAdmin(DEMO_TENANT_ID, megan.userId)).toBe(false);
      // Put back as the demo had it, for the other tests.
      await tab.service.services.ldSettings.save(
        { tenantId: DEMO_TENANT_ID, userId: DEMO_LD_ADMIN.userId },
        { ...(await tab.service.services.ldSettings.expectations(DEMO_TENANT_ID)), followUpDays: 7 },
      );
    },
  );
});
