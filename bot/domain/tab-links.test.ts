import { describe, expect, it } from 'vitest';
import { DASHBOARD_TAB_ENTITY_ID, dashboardUrl, type TabLinkSettings } from './tab-links.js';

const APP_ID = '5f1c9a3e-2b7d-4e8a-9c61-0d2f4b8e7a15';
const TEAM = '19:Ab3_x-Y@thread.tacv2';
const local: TabLinkSettings = { mode: 'local', port: 3978, teamsAppId: undefined, tabEndpoint: undefined };

describe('dashboardUrl', () => {
  it.each<[string, TabLinkSettings, string | undefined]>([
    [
      'with the Teams app id: a deep link to the personal dashboard tab, the team as its sub-entity',
      { ...local, mode: 'production', teamsAppId: APP_ID },
      `https://teams.microsoft.com/l/entity/${APP_ID}/team-dashboard?context=%7B%22subEntityId%22%3A%2219%3AAb3_x-Y%40thread.tacv2%22%7D`,
    ],
    [
      'the same in local mode: Teams is where the lead reads the card',
      { ...local, teamsAppId: APP_ID, tabEndpoint: 'https://tunnel.example' },
      `https://teams.microsoft.com/l/entity/${APP_ID}/team-dashboard?context=%7B%22subEntityId%22%3A%2219%3AAb3_x-Y%40thread.tacv2%22%7D`,
    ],
    [
      'local mode without it: the tab on this machine, the team in the query',
      local,
      'http://localhost:3978/team?team=19%3AAb3_x-Y%40thread.tacv2',
    ],
    [
      'local mode behind a public endpoint: the tab there',
      { ...local, tabEndpoint: 'https://tunnel.example' },
      'https://tunnel.example/team?team=19%3AAb3_x-Y%40thread.tacv2',
    ],
    [
      'production without the app id: nowhere a browser could sign in',
      { ...local, mode: 'production', tabEndpoint: 'https://loop.example' },
      undefined,
    ],
  ])('%s', (_name, settings, expected) => {
    expect(dashboardUrl(settings, TEAM)).toEqual(expected);
  });

  it.each(['19:abc@thread.tacv2', '19:a;b=c&d?e#f/g@thread.skype', 'team with spaces "and quotes"', '19:ünïcödé@thread.tacv2'])(
    'carries %j through the link unchanged, with nothing left unescaped',
    (teamId) => {
      const deep = new URL(dashboardUrl({ ...local, teamsAppId: APP_ID }, teamId)!);
      expect(deep.pathname).toBe(`/l/entity/${APP_ID}/${DASHBOARD_TAB_ENTITY_ID}`);
      expect([...deep.searchParams.keys()]).toEqual(['context']);
      expect(JSON.parse(deep.searchParams.get('context')!)).toEqual({ subEntityId: teamId });
      expect(deep.search).not.toMatch(/[:@;"{} ]/);
      const browser = new URL(dashboardUrl(local, teamId)!);
      expect([...browser.searchParams.entries()]).toEqual([['team', teamId]]);
      expect(browser.search).toMatch(/^\?team=[^:@;&=?#/ "]+$/);
    },
  );
});
