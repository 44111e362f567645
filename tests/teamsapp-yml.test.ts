import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname ?? '.', '..');
const require = createRequire(import.meta.url);
const schemaDir = path.join(path.dirname(require.resolve('@microsoft/teamsapp-cli/package.json')), 'resource/yaml-schema');

/** The official schema the Teams Toolkit CLI ships for a `version:`, compiled offline. */
function validatorFor(version: string): ValidateFunction {
  const file = path.join(schemaDir, version, 'yaml.schema.json');
  if (!existsSync(file)) throw new Error(`No bundled schema for version ${version} (looked in ${file})`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}

function errorsOf(validate: ValidateFunction, doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe.each(['teamsapp.yml', 'teamsapp.local.yml'])('%s', (name) => {
  const doc = parse(readFileSync(path.join(root, name), 'utf8')) as { version: string } & Record<string, unknown>;

  it('is valid against the official schema for its version', () => {
    expect(doc.version).toMatch(/^v1\.\d+$/);
    expect(errorsOf(validatorFor(doc.version), doc)).toEqual([]);
  });

  it('is rejected by the same schema when an action is unknown or the version is missing', () => {
    const validate = validatorFor(doc.version);
    const unknownAction = structuredClone(doc) as unknown as { provision: Array<Record<string, unknown>> };
    unknownAction.provision[0] = { uses: 'teamsApp/doesNotExist', with: {} };
    expect(errorsOf(validate, unknownAction).length).toBeGreaterThan(0);
    const { version: _dropped, ...noVersion } = doc;
    expect(errorsOf(validate, noVersion).length).toBeGreaterThan(0);
  });

  it('refers only to files that exist', () => {
    const text = readFileSync(path.join(root, name), 'utf8');
    const paths = [...text.matchAll(/(?:manifestPath|path|parameters): (\.\/[^\s$]+)/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(existsSync(path.join(root, p)), `${p} should exist`).toBe(true);
  });
});
