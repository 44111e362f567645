import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Realistic values for placeholders that provisioning fills in; used where env/ leaves them empty. */
export const SAMPLE_VALUES: Record<string, string> = {
  TEAMS_APP_ID: '0d7e4b8c-3a5f-4c1e-9b2d-7f6a8e9c0b1d',
  BOT_ID: '28a1c3e5-7f90-4b2d-8e6a-1c3b5d7f9a0b',
  AAD_APP_CLIENT_ID: '5b9e2d4f-1c3a-4e7b-8d6f-0a2c4e6b8d1f',
  TAB_DOMAIN: 'learning-loop.example.net',
  TAB_ENDPOINT: 'https://learning-loop.example.net',
  BOT_DOMAIN: 'learning-loop.example.net',
  BOT_ENDPOINT: 'https://learning-loop.example.net',
  APP_NAME_SUFFIX: '',
};

/** Reads a Teams Toolkit env file (KEY=value lines, # comments). */
export function readEnvFile(file: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m?.[1]) values[m[1]] = m[2] ?? '';
  }
  return values;
}

/** Fills `${{VAR}}` from env values, falling back to samples; reports any it could not fill. */
export function fillPlaceholders(text: string, env: Record<string, string>): { text: string; unfilled: string[] } {
  const unfilled: string[] = [];
  const filled = text.replace(/\$\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (whole, name: string) => {
    const value = env[name] || SAMPLE_VALUES[name];
    if (value === undefined) {
      unfilled.push(name);
      return whole;
    }
    return value;
  });
  return { text: filled, unfilled };
}

export { parse as parseYaml };
