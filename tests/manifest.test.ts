import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { Ajv } from 'ajv';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../bot/teams/command-parser.js';
import { COMPOSE_SHARE_COMMAND, SAVE_MESSAGE_COMMAND } from '../bot/teams/learning-dialogs.js';
import { DASHBOARD_TAB_ENTITY_ID } from '../bot/domain/tab-links.js';
import { fillPlaceholders, readEnvFile } from './support/manifest-placeholders.js';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const raw = readFileSync(path.join(root, 'appPackage/manifest.json'), 'utf8');

type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
interface CommandList {
  scopes: string[];
  commands: Array<{ title: string; description: string }>;
}
interface Bot {
  botId: string;
  scopes: string[];
  commandLists: CommandList[];
}
interface AppManifest {
  $schema: string;
  manifestVersion: string;
  accentColor: string;
  icons: { color: string; outline: string };
  bots: Bot[];
  staticTabs: Array<{ entityId: string; contentUrl?: string; websiteUrl?: string; scopes: string[] }>;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[] }>;
  validDomains: string[];
  composeExtensions: Array<{ botId: string; commands: Array<{ id: string; type: string; context: string[]; fetchTask: boolean }> }>;
  webApplicationInfo: { id: string; resource: string };
}
const template = JSON.parse(raw) as AppManifest;

/**
 * The schema for the manifest's own `$schema`, read from the copy bundled in
 * @microsoft/app-manifest and passed in explicitly: validateAgainstSchema would otherwise
 * fetch from the network whenever it does not find a bundled copy.
 */
function bundledSchema(schemaUrl: string): Schema {
  const m = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl);
  if (!m) throw new Error(`Unexpected $schema ${schemaUrl}`);
  const file = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build/json-schemas/teams',
    m[1]!,
    'MicrosoftTeams.schema.json',
  );
  if (!existsSync(file)) throw new Error(`@microsoft/app-manifest bundles no schema for ${m[1]!}`);
  // Same clean-up the library applies: some schema files contain \a and \v escapes JSON lacks.
  return JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Schema;
}

function filled(env: 'local' | 'dev'): Manifest {
  const { text, unfilled } = fillPlaceholders(raw, readEnvFile(path.join(root, `env/.env.${env}`)));
  expect(unfilled, 'placeholders with neither an env value nor a sample').toEqual([]);
  return JSON.parse(text) as Manifest;
}

describe('appPackage/manifest.json', () => {
  const schema = bundledSchema(template.$schema);

  it('declares a manifest version whose schema is bundled, matching its $schema', () => {
    expect(template.manifestVersion).toBe('1.22');
    expect(template.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${template.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it.each(['local', 'dev'] as const)('is valid against the official schema once env/.env.%s fills it', async (env) => {
    expect(await AppManifestUtils.validateAgainstSchema(filled(env), schema)).toEqual([]);
  });

  it('is rejected by the same validation when broken', async () => {
    const broken = JSON.parse(JSON.stringify(filled('local'))) as { bots: Array<Record<string, unknown>> };
    delete broken.bots[0]!.botId;
    broken.bots[0]!.scopes = ['personal', 'everyone'];
    const errors = await AppManifestUtils.validateAgainstSchema(broken as unknown as Manifest, schema);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/bots\/0 must have required property 'botId'/),
        expect.stringMatching(/^\/bots\/0\/scopes\/1 must be equal to one of the allowed values/),
      ]),
    );
  });

  it('lists `check in` and `help` for the bot in each of its scopes', () => {
    const bot = template.bots[0]!;
    expect(bot.botId).toBe('${{BOT_ID}}');
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const scope of bot.scopes) {
      const lists = bot.commandLists.filter((l) => l.scopes.includes(scope));
      expect(lists, `one command list for ${scope}`).toHaveLength(1);
      expect(lists[0]!.commands.map((c) => c.title)).toEqual(expect.arrayContaining(['check in', 'help']));
    }
  });

  it('lists in the personal menu every command the introduction and help name, and only commands the bot understands', () => {
    const lists = template.bots[0]!.commandLists;
    const personal = lists.find((l) => l.scopes.includes('personal'))!.commands.map((c) => c.title);
    expect(personal).toEqual(expect.arrayContaining(['check in', 'share', 'goal', 'pause', 'resume', 'help']));
    for (const list of lists) {
      // Teams shows at most 10 commands a scope.
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const { title } of list.commands) expect(parseCommand(title).kind, title).not.toBe('unknown');
    }
  });

  it('declares the message extension the bot answers: "Share learning" from the compose box, "Save as learning" on a message', () => {
    const [extension] = template.composeExtensions;
    expect(extension?.botId).toBe('${{BOT_ID}}');
    const byId = Object.fromEntries(extension!.commands.map((c) => [c.id, c]));
    expect(byId[COMPOSE_SHARE_COMMAND]).toMatchObject({ type: 'action', fetchTask: true, context: expect.arrayContaining(['compose']) });
    expect(byId[SAVE_MESSAGE_COMMAND]).toMatchObject({ type: 'action', fetchTask: true, context: ['message'] });
    for (const list of template.bots[0]!.commandLists) expect(list.commands.map((c) => c.title)).toContain('share');
  });

  it('serves every tab from the tab endpoint and signs it in with the SSO app', () => {
    const urls = [
      ...template.staticTabs.flatMap((t) => [t.contentUrl, t.websiteUrl]),
      ...template.configurableTabs.map((t) => t.configurationUrl),
    ].filter((u): u is string => u !== undefined);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) expect(url).toMatch(/^\$\{\{TAB_ENDPOINT\}\}\//);
    expect(template.staticTabs.find((t) => t.entityId === 'my-learning')?.contentUrl).toBe('${{TAB_ENDPOINT}}/personal');
    // Cards deep-link to this one with the team as the sub-entity (bot/domain/tab-links.ts).
    expect(template.staticTabs.find((t) => t.entityId === DASHBOARD_TAB_ENTITY_ID)).toMatchObject({
      contentUrl: '${{TAB_ENDPOINT}}/team',
      scopes: ['personal'],
    });
    expect(template.configurableTabs[0]?.configurationUrl).toBe('${{TAB_ENDPOINT}}/configure');
    expect(template.configurableTabs[0]?.scopes).toEqual(['team', 'groupChat']);
    expect(template.validDomains).toContain('${{TAB_DOMAIN}}');
    expect(template.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
    });
  });

  it('ships a 192×192 opaque colour icon on the accent colour', () => {
    const color = PNG.sync.read(readFileSync(path.join(root, 'appPackage', template.icons.color)));
    expect([color.width, color.height]).toEqual([192, 192]);
    const seeThrough = color.data.filter((_, i) => i % 4 === 3 && color.data[i] !== 255).length;
    expect(seeThrough, 'pixels that are not fully opaque').toBe(0);
    const corner = [...color.data.subarray(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('');
    expect(`#${corner}`).toBe(template.accentColor.toLowerCase());
  });

  it('ships a 32×32 outline icon drawn only in white on a transparent background', () => {
    const outline = PNG.sync.read(readFileSync(path.join(root, 'appPackage', template.icons.outline)));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let solid = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) notWhite.push(i / 4);
      if (a === 255) solid++;
    }
    expect(notWhite, 'visible pixels that are not white').toEqual([]);
    const last = outline.data.length - 1;
    expect([outline.data[3], outline.data[4 * 31 + 3], outline.data[last]], 'corners are background').toEqual([0, 0, 0]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(solid).toBeGreaterThan(32 * 32 * 0.15);
  });
});

describe('appPackage localization files', () => {
  interface Localization {
    localizationInfo?: { defaultLanguageTag: string; additionalLanguages?: Array<{ languageTag: string; file: string }> };
  }
  const info = (template as unknown as Localization).localizationInfo;
  const languages = info?.additionalLanguages ?? [];
  const read = (file: string) => JSON.parse(readFileSync(path.join(root, 'appPackage', file), 'utf8')) as Record<string, unknown>;
  /**
   * The bundled localization schema, compiled by ajv. Its patterns are written for JavaScript's
   * non-Unicode regular expressions (a lone `]`), and it uses nothing particular to draft-04, so
   * ajv's default draft reads it, without the `u` flag.
   */
  const validateLocalization = (() => {
    const file = path.join(
      path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
      'build/json-schemas/teams',
      `v${template.manifestVersion}`,
      'MicrosoftTeams.Localization.schema.json',
    );
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, formats: { uri: true } });
    const validate = ajv.compile(schema);
    return (data: unknown) =>
      validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  })();
  /** Every string in the manifest a localization file can replace, by the path it is given there. */
  const localizable = (): Map<string, string> => {
    const m = template as unknown as {
      name: { short: string; full: string };
      description: { short: string; full: string };
      staticTabs: Array<{ name?: string }>;
      composeExtensions: Array<{ commands: Array<{ title: string; description: string }> }>;
    };
    const strings = new Map<string, string>([
      ['name.full', m.name.full],
      ['description.short', m.description.short],
      ['description.full', m.description.full],
    ]);
    // The short name carries a per-environment suffix the toolkit fills in; a language file is copied as is.
    strings.set('name.short', m.name.short.replace('${{APP_NAME_SUFFIX}}', ''));
    m.staticTabs.forEach((tab, i) => tab.name && strings.set(`staticTabs[${i}].name`, tab.name));
    template.bots[0]!.commandLists.forEach((list, i) =>
      list.commands.forEach((c, j) => {
        strings.set(`bots[0].commandLists[${i}].commands[${j}].title`, c.title);
        strings.set(`bots[0].commandLists[${i}].commands[${j}].description`, c.description);
      }),
    );
    m.composeExtensions[0]!.commands.forEach((c, i) => {
      strings.set(`composeExtensions[0].commands[${i}].title`, c.title);
      strings.set(`composeExtensions[0].commands[${i}].description`, c.description);
    });
    return strings;
  };

  it('declares English as the manifest’s own language and a file each for Spanish and Arabic, inside the package folder', () => {
    expect(info?.defaultLanguageTag).toBe('en-us');
    expect(languages.map((l) => l.languageTag)).toEqual(['es', 'ar']);
    for (const { file } of languages) {
      // The toolkit's zipAppPackage adds exactly the files named here, refusing any outside appPackage/.
      expect(path.relative(path.join(root, 'appPackage'), path.resolve(root, 'appPackage', file)).startsWith('..')).toBe(false);
      expect(existsSync(path.join(root, 'appPackage', file)), file).toBe(true);
    }
  });

  it.each(['es.json', 'ar.json'])('%s is valid against the bundled localization schema', async (file) => {
    expect(validateLocalization(read(file))).toEqual([]);
  });

  it('rejects a localization file the schema does not allow', () => {
    const broken = { ...read('es.json'), 'name.short': 'x'.repeat(31), 'bots[0].title': 'nope' };
    expect(validateLocalization(broken)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/name\.short must NOT have more than 30 characters/),
        expect.stringMatching(/must NOT have additional properties.*bots\[0\]\.title/),
      ]),
    );
  });

  it.each(['es.json', 'ar.json'])('%s translates every localizable string of the manifest, and names nothing else', (file) => {
    const strings = localizable();
    const { $schema, ...translated } = read(file);
    expect($schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${template.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
    );
    expect(Object.keys(translated).sort()).toEqual([...strings.keys()].sort());
    for (const [key, english] of strings) {
      // Command titles are what the bot's parser understands, so they stay as they are; the product name too.
      if (/\.commands\[\d+\]\.title$/.test(key) && key.startsWith('bots')) expect(translated[key], key).toBe(english);
      else if (key === 'name.short') expect(translated[key]).toBe('Learning Loop');
      else expect(translated[key], key).not.toBe(english);
    }
    // The toolkit copies language files into the package unchanged: a ${{…}} would reach Teams as written.
    expect(JSON.stringify(translated)).not.toMatch(/\$\{\{/);
  });
});
