import { readFileSync } from 'node:fs';

/**
 * Realistic values for what provisioning writes into env/ (ids, the tunnel or App Service
 * domain). Tests use them where a committed env file leaves a value empty, so a manifest can be
 * validated exactly as the toolkit would after `teamsapp provision`.
 */
export const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '0d7e4b8c-3a5f-4c1e-9b2d-7f6a8e9c0b1d',
  BOT_ID: '28a1c3e5-7f90-4b2d-8e6a-1c3b5d7f9a0b',
  AAD_APP_CLIENT_ID: '5b9e2d4f-1c3a-4e7b-8d6f-0a2c4e6b8d1f',
  AAD_APP_OBJECT_ID: '9c1d3e5f-7a2b-4c6d-8e0f-1a3b5c7d9e2f',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '3f6a9c2e-5b8d-4e1f-a7c0-2d4f6b8e0a1c',
  TAB_DOMAIN: 'learnloopx1y2z3.azurewebsites.net',
  TAB_ENDPOINT: 'https://learnloopx1y2z3.azurewebsites.net',
  BOT_DOMAIN: 'learnloopx1y2z3.azurewebsites.net',
  BOT_ENDPOINT: 'https://learnloopx1y2z3.azurewebsites.net',
  APP_NAME_SUFFIX: '',
};

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Reads a Teams Toolkit env file: KEY=value lines, `#` comments, optional quotes. */
export function readEnvFile(file: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (m?.[1] === undefined) continue;
    values[m[1]] = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return values;
}

/** Every `${{NAME}}` in a text, once each, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills `${{NAME}}` from env values, falling back to samples; reports any it could not fill. */
export function fillPlaceholders(text: string, env: Record<string, string>): { text: string; unfilled: string[] } {
  const unfilled = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = env[name] || SAMPLE_VALUES[name];
    if (value === undefined) {
      unfilled.add(name);
      return whole;
    }
    return value;
  });
  return { text: filled, unfilled: [...unfilled] };
}
