import { readFileSync } from 'node:fs';

const bicep = readFileSync(new URL('../../infra/modules/web-app.bicep', import.meta.url), 'utf8');
const setting = (name: string): string | undefined => new RegExp(`name: '${name}', value: '([^']+)'`).exec(bicep)?.[1];

/**
 * The heap limits production sets (NODE_OPTIONS in infra/modules/web-app.bicep), for a benchmark
 * that runs the service in a process of its own: the collector works harder, the process stays small.
 */
export const PRODUCTION_NODE_OPTIONS: readonly string[] = (setting('NODE_OPTIONS') ?? '').split(' ').filter(Boolean);

/** The settings production gives the process's environment that change how it uses memory (MALLOC_ARENA_MAX). */
export const PRODUCTION_PROCESS_ENV: Readonly<Record<string, string>> = Object.fromEntries(
  ['MALLOC_ARENA_MAX'].flatMap((name) => {
    const value = setting(name);
    return value === undefined ? [] : [[name, value]];
  }),
);
