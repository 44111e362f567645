import { describe, expect, it } from 'vitest';
import { myDataUrl } from './my-data-link.js';
import type { TabLinkSettings } from './tab-links.js';

const APP_ID = '5f1c9a3e-2b7d-4e8a-9c61-0d2f4b8e7a15';
const local: TabLinkSettings = { mode: 'local', port: 3978, teamsAppId: undefined, tabEndpoint: undefined };

describe('myDataUrl', () => {
  it.each<[string, TabLinkSettings, string | undefined]>([
    [
      'with the Teams app id: a deep link to the personal tab, the section as its sub-entity',
      { ...local, mode: 'production', teamsAppId: APP_ID },
      `https://teams.microsoft.com/l/entity/${APP_ID}/my-learning?context=%7B%22subEntityId%22%3A%22your-data%22%7D`,
    ],
    ['local mode without it: the page on this machine, at the section', local, 'http://localhost:3978/personal#your-data'],
    [
      'local mode behind a public endpoint: the page there',
      { ...local, tabEndpoint: 'https://tunnel.example' },
      'https://tunnel.example/personal#your-data',
    ],
    [
      'production without the app id: nowhere a browser could sign in',
      { ...local, mode: 'production', tabEndpoint: 'https://loop.example' },
      undefined,
    ],
  ])('%s', (_name, settings, expected) => {
    expect(myDataUrl(settings)).toEqual(expected);
  });
});
