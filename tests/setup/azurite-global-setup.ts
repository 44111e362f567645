import type { TestProject } from 'vitest/node';
import { startAzurite } from '../../scripts/lib/azurite.js';

/** One in-memory Azurite per test run, on ports the OS picks; each test uses its own tables. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  project.provide('storageConnectionString', azurite.connectionString);
  return () => azurite.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
  }
}
