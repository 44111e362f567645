import { readFileSync } from 'node:fs';

/**
 * The heap limits production sets (NODE_OPTIONS in infra/modules/web-app.bicep), for a benchmark
 * that runs the service in a process of its own: the collector works harder, the process stays small.
 */
export const PRODUCTION_NODE_OPTIONS: readonly string[] = (
  /name: 'NODE_OPTIONS', value: '([^']+)'/.exec(readFileSync(new URL('../../infra/modules/web-app.bicep', import.meta.url), 'utf8'))?.[1] ??
  ''
)
  .split(' ')
  .filter(Boolean);
