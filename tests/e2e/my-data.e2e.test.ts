import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import type { MyDataExport } from '../../bot/domain/my-data.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { tracesOf } from '../support/person-traces.js';
import { axeViolations } from './support/axe.js';
import { useDemoTab } from './support/demo-tab.js';

const [megan, adele] = [DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];

describe('a learner’s own data in the tab (local mode, demo data)', () => {
  const tab = useDemoTab();

  it('downloads everything as JSON and the entries as CSV from the end of the personal page', { timeout: 60_000 }, async () => {
    const page = await tab.open('/personal', megan.userId);
    const section = page.getByTestId('my-data');
    await section.getByRole('button', { name: 'Download JSON' }).waitFor();

    const [json] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download JSON' }).click()]);
    expect(json.suggestedFilename()).toMatch(/^learning-loop-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile(await json.path(), 'utf8')) as MyDataExport;
    expect(data.person.userId).toBe(megan.userId);
    expect(data.entries.map((e) => e.id)).toEqual(
      (await tab.service.stores.entries.listAll(DEMO_TENANT_ID, megan.userId)).map((e) => e.id),
    );

    const [csv] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^learning-loop-my-entries-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await csv.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('id,created_at,what,source_type,link,minutes,rating,insight,action,result,visibility');
    expect(lines).toHaveLength(data.entries.length + 1);
    await section.getByText('Downloaded your learning entries as CSV.').waitFor();
  });

  it('erases everything once the phrase is typed, and says so', { timeout: 60_000 }, async () => {
    const page = await tab.open('/personal', adele.userId);
    const section = page.getByTestId('my-data');
    await section.getByRole('button', { name: 'Erase my data…' }).click();
    const dialog = page.getByTestId('erase-my-data-dialog');
    await dialog.getByLabel('Type “erase my data” to confirm').fill('erase it');
    await dialog.getByRole('button', { name: 'Erase my data' }).click();
    await dialog.getByText('Nothing has been erased.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('Type “erase my data” to confirm').fill('erase my data');
    await dialog.getByRole('button', { name: 'Erase my data' }).click();
    await page.getByTestId('my-data-erased').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('my-data-erased').textContent()).toContain('Everything Learning Loop held of yours was erased.');
    expect(await axeViolations(page)).toEqual([]);
    expect(await tracesOf(tableClients(tab.service.config.storage), [adele.userId, adele.teamsUserId, adele.displayName])).toEqual([]);
  });
});
