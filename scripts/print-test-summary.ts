import { existsSync, readFileSync } from 'node:fs';

/**
 * Prints one line from the test runner's own JSON results, for CI logs:
 * `tests: N passed, N failed` (and `, N skipped` when some were).
 */
const file = process.argv[2] ?? '.test-results/vitest.json';
if (!existsSync(file)) {
  console.log('tests: 0 passed, 0 failed (no test results: the run stopped before tests, see above)');
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
};
const skipped = results.numPendingTests + results.numTodoTests;
// A file that fails to load counts as a failure even though no test in it ran.
const failed = results.numFailedTests + (results.numFailedTests === 0 ? results.numFailedTestSuites : 0);
console.log(`tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
