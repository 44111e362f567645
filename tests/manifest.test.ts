import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillPlaceholders, readEnvFile } from './support/manifest-placeholders.js';

const root = path.resolve(import.meta.dirname ?? '.', '..');
const require = createRequire(import.meta.url);

type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

function bundledSchema(manifestVersion: string): Schema {
  // The schema shipped inside @microsoft/app-manifest, so validation never needs the network.
  const file = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Schema;
}

describe('appPackage/manifest.json', () => {
  const raw = readFileSync(path.join(root, 'appPackage/manifest.json'), 'utf8');
  let manifest: Manifest & Record<string, unknown>;
  let schema: Schema;

  beforeAll(() => {
    const { text, unfilled } = fillPlaceholders(raw, readEnvFile(path.join(root, 'env/.env.local')));
    expect(unfilled).toEqual([]);
    manifest = JSON.parse(text) as Manifest & Record<string, unknown>;
    schema = bundledSchema(String(manifest.manifestVersion));
  });

  it('is valid against the official Teams schema for its version, once placeholders are filled', async () => {
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${String(manifest.manifestVersion)}/MicrosoftTeams.schema.json`);
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema)).toEqual([]);
  });

  it('is rejected by the same validation when broken', async () => {
    const broken = structuredClone(manifest) as unknown as Record<string, unknown> & { bots: Array<Record<string, unknown>> };
    delete broken.bots[0]!.botId;
    broken.bots[0]!.scopes = ['personal', 'everyone'];
    const errors = await AppManifestUtils.validateAgainstSchema(broken as unknown as Manifest, schema);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });

  it('lists the bot’s commands in every scope it is in', () => {
    const bot = (manifest.bots as Array<{ scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>)[0]!;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const scope of bot.scopes) {
      const titles = bot.commandLists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
      expect(titles).toEqual(expect.arrayContaining(['check in', 'help']));
    }
  });

  it('points every tab at the tab endpoint and enables SSO for it', () => {
    const urls = [...raw.matchAll(/"(contentUrl|websiteUrl|configurationUrl)": "([^"]+)"/g)].map((m) => m[2]);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) expect(url).toMatch(/^\$\{\{TAB_ENDPOINT\}\}(\/|$)/);
    expect(raw).toContain('"resource": "api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"');
  });

  it('ships a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = PNG.sync.read(readFileSync(path.join(root, 'appPackage/color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync(path.join(root, 'appPackage/outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else throw new Error(`outline.png has a pixel that is neither white nor transparent at byte ${i}`);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
    // The corners are background: transparent.
    expect(outline.data[3]).toBe(0);
  });
});
