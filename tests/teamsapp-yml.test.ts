import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { APP_DIR } from '../scripts/package.js';
import { bicepOutputs } from './support/bicep-text.js';
import { placeholdersIn, readEnvFile } from './support/manifest-placeholders.js';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const schemaDir = path.join(path.dirname(require.resolve('@microsoft/teamsapp-cli/package.json')), 'resource/yaml-schema');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectYml {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

/**
 * Each lifecycle file, its environment, and the values set in that env file before provisioning:
 * by a person, or, for the subscription, resource group and suffix, by the toolkit itself when
 * left empty (it asks for the first two and generates the suffix). The toolkit refuses any other
 * placeholder whose value is empty, APP_NAME_SUFFIX aside.
 */
const LIFECYCLES = [
  {
    file: 'teamsapp.yml',
    env: 'dev',
    inputs: ['APP_NAME_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX', 'LD_ADMINS'],
  },
  { file: 'teamsapp.local.yml', env: 'local', inputs: ['APP_NAME_SUFFIX', 'BOT_DOMAIN', 'BOT_ENDPOINT'] },
] as const;

/** The official schema the Teams Toolkit CLI ships for a `version:`, compiled offline as the CLI does. */
function validatorFor(version: string): ValidateFunction {
  const file = path.join(schemaDir, version, 'yaml.schema.json');
  if (!existsSync(file)) throw new Error(`No bundled schema for version ${version} (looked in ${file})`);
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword('deprecationMessage');
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}

function errorsOf(validate: ValidateFunction, doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Files an action reads, relative to the project root. */
function filesReadBy(action: Action): string[] {
  const w = action.with ?? {};
  const files: string[] = [];
  if (typeof w.manifestPath === 'string') files.push(w.manifestPath);
  for (const t of (w.templates as Array<{ path: string; parameters?: string }> | undefined) ?? []) {
    files.push(t.path);
    if (t.parameters) files.push(t.parameters);
  }
  // The artifact folder is built by the deploy stage itself (see the deploy test below); the toolkit
  // reads the ignore file from the working directory, not from the artifact folder.
  if (typeof w.ignoreFile === 'string') {
    files.push(path.join(typeof w.workingDirectory === 'string' ? w.workingDirectory : '.', w.ignoreFile));
  }
  return files.map((f) => path.normalize(f));
}

/** Environment variables an action writes for the ones after it. */
function writtenBy(action: Action): string[] {
  const names = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy') {
    for (const t of (action.with?.templates as Array<{ path: string }> | undefined) ?? []) {
      names.push(...bicepOutputs(read(t.path)));
    }
  }
  if (action.uses === 'script') {
    names.push(...[...String(action.with?.run).matchAll(/::set-teamsfx-env (\w+)=/g)].map((m) => m[1]!));
  }
  return names;
}

/**
 * Walks the lifecycles in the order the toolkit runs them and lists every `${{NAME}}` an action
 * (or a file it reads) uses before anything has set it: each would stop `teamsapp provision`.
 */
function unsetPlaceholders(doc: ProjectYml, inputs: readonly string[]): string[] {
  const set = new Set<string>(['TEAMSFX_ENV', ...inputs]);
  const problems: string[] = [];
  for (const stage of ['provision', 'deploy', 'publish'] as const) {
    for (const [i, action] of (doc[stage] ?? []).entries()) {
      const texts = [
        JSON.stringify(action.with ?? {}),
        ...filesReadBy(action)
          .filter((f) => /\.json$/.test(f))
          .map(read),
      ];
      // aadApp/update generates this id itself when the Entra manifest asks for it.
      const own = action.uses === 'aadApp/update' ? ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] : [];
      for (const name of placeholdersIn(texts.join('\n'))) {
        if (!set.has(name) && !own.includes(name)) problems.push(`${stage}[${i}] ${action.uses}: ${name}`);
      }
      for (const name of writtenBy(action)) set.add(name);
    }
  }
  return problems;
}

describe.each(LIFECYCLES)('$file', ({ file, env, inputs }) => {
  const doc = parse(read(file)) as ProjectYml;

  it('is valid against the official schema for its version', () => {
    expect(doc.version).toBe('v1.8');
    expect(errorsOf(validatorFor(doc.version), doc)).toEqual([]);
  });

  it('is rejected by the same schema with an unknown action or without a version', () => {
    const validate = validatorFor(doc.version);
    const unknownAction = structuredClone(doc);
    unknownAction.provision![0] = { uses: 'teamsApp/doesNotExist', with: {} };
    expect(errorsOf(validate, unknownAction)).toContain('/provision/0 must match a schema in anyOf');
    const { version: _dropped, ...noVersion } = doc;
    expect(errorsOf(validate, noVersion)).toContain(" must have required property 'version'");
  });

  it('refers only to files that exist', () => {
    const files = [...(doc.provision ?? []), ...(doc.deploy ?? []), ...(doc.publish ?? [])].flatMap(filesReadBy);
    const expected = [
      'appPackage/manifest.json',
      'aad.manifest.json',
      ...(env === 'dev' ? ['infra/azure.bicep', 'infra/azure.parameters.json'] : []),
    ];
    expect(files).toEqual(expect.arrayContaining(expected));
    for (const f of [...files, `${doc.environmentFolderPath ?? 'env'}/.env.${env}`]) {
      expect(existsSync(path.join(root, f)), `${f} should exist`).toBe(true);
    }
  });

  it(`sets every placeholder before it is used, from env/.env.${env} and earlier actions`, () => {
    const envFile = readEnvFile(path.join(root, `env/.env.${env}`));
    expect(envFile.TEAMSFX_ENV).toBe(env);
    for (const input of inputs) expect(Object.keys(envFile), `env/.env.${env} lists ${input}`).toContain(input);
    expect(unsetPlaceholders(doc, inputs)).toEqual([]);
  });

  it(`lists in env/.env.${env} only what it reads or writes`, () => {
    const envFile = readEnvFile(path.join(root, `env/.env.${env}`));
    const actions = [...(doc.provision ?? []), ...(doc.deploy ?? []), ...(doc.publish ?? [])];
    const known = new Set(['TEAMSFX_ENV', ...inputs, ...actions.flatMap(writtenBy)]);
    expect(Object.keys(envFile).filter((name) => !known.has(name))).toEqual([]);
  });

  it(`commits no secret values in env/.env.${env}`, () => {
    const envFile = readEnvFile(path.join(root, `env/.env.${env}`));
    const secrets = Object.entries(envFile).filter(([k, v]) => /SECRET|PASSWORD|KEY$/.test(k) && v !== '');
    expect(secrets).toEqual([]);
  });
});

describe('teamsapp.yml deploy stage', () => {
  const doc = parse(read('teamsapp.yml')) as ProjectYml;
  const deploy = doc.deploy ?? [];

  it('builds the deploy artifact with npm run package, then uploads exactly the folder it writes', () => {
    const build = deploy.findIndex((a) => a.uses === 'cli/runNpmCommand' && a.with?.args === 'run package');
    const upload = deploy.findIndex((a) => a.uses === 'azureAppService/zipDeploy');
    expect(build).toBeGreaterThanOrEqual(0);
    expect(upload).toBeGreaterThan(build);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.package).toBe('tsx scripts/package.ts');
    expect(path.normalize(String(deploy[upload]!.with!.artifactFolder))).toBe(path.relative(root, APP_DIR));
  });

  it('asks the toolkit for a current Bicep CLI (v0.47.16 was the newest release when this was written)', () => {
    const armDeploy = (doc.provision ?? []).find((a) => a.uses === 'arm/deploy');
    const version = String(armDeploy?.with?.bicepCliVersion);
    const match = /^v0\.(\d+)\.(\d+)$/.exec(version);
    expect(match, version).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(47);
  });
});

describe('placeholder order check', () => {
  it('catches an action that runs before the value it needs is written', () => {
    const doc = parse(read('teamsapp.yml')) as ProjectYml;
    const provision = doc.provision!;
    const update = provision.findIndex((a) => a.uses === 'aadApp/update');
    const arm = provision.findIndex((a) => a.uses === 'arm/deploy');
    expect(update).toBeGreaterThan(arm);
    // The Entra manifest needs TAB_DOMAIN, which only the Azure deployment writes.
    provision.splice(arm, 0, ...provision.splice(update, 1));
    expect(unsetPlaceholders(doc, LIFECYCLES[0].inputs)).toContain(`provision[${arm}] aadApp/update: TAB_DOMAIN`);
  });
});

describe('aad.manifest.json (the Entra app the tab signs in with)', () => {
  interface Scope {
    id: string;
    value: string;
    type: string;
    isEnabled: boolean;
  }
  const aad = JSON.parse(read('aad.manifest.json')) as {
    displayName: string;
    identifierUris: string[];
    signInAudience: string;
    requiredResourceAccess: unknown[];
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: Scope[];
      preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
    };
    optionalClaims: { accessToken: Array<{ name: string }> };
  };
  /**
   * The Microsoft 365 clients that ask for tab SSO tokens, as Microsoft's guide to running Teams
   * personal tabs in Outlook and Microsoft 365 lists them: Teams desktop and mobile, Teams web,
   * Microsoft 365 web, Microsoft 365 desktop, Microsoft 365 mobile and Outlook desktop and mobile
   * (one id), Outlook web.
   */
  const m365Clients = [
    '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    '4765445b-32c6-49b0-83e6-1d93765276ca',
    '0ec893e0-5785-4de6-99da-4ed124e5296c',
    'd3590ed6-52b3-4102-aeff-aad2292ab01c',
    'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  ];

  it('issues v2 tokens with an access_as_user scope, as the service checks them', () => {
    expect(aad.displayName).not.toBe('');
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    expect(aad.requiredResourceAccess.length).toBeGreaterThan(0);
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.optionalClaims.accessToken.map((c) => c.name)).toContain('idtyp');
    const scope = aad.api.oauth2PermissionScopes.find((s) => s.value === 'access_as_user');
    expect(scope).toMatchObject({ type: 'User', isEnabled: true });
  });

  it('pre-authorises the Teams, Microsoft 365 and Outlook clients for that scope, and no others', () => {
    const scopeId = aad.api.oauth2PermissionScopes.find((s) => s.value === 'access_as_user')!.id;
    expect(aad.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([...m365Clients].sort());
    for (const client of m365Clients) {
      const entry = aad.api.preAuthorizedApplications.find((a) => a.appId === client);
      expect(entry?.delegatedPermissionIds, client).toContain(scopeId);
    }
  });

  it('exposes the same application ID URI the Teams manifest asks tokens for', () => {
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo: { id: string; resource: string } };
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(manifest.webApplicationInfo.id).toBe('${{AAD_APP_CLIENT_ID}}');
  });
});
