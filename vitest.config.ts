import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bot/**/*.test.ts', 'tab/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['tests/setup/azurite-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: browser end-to-end tests get their own slow lane (see tests/e2e).
    maxWorkers: 2,
  },
});
