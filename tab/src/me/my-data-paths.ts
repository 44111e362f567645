/** The learner's own data: everything as JSON, their entries as CSV, and DELETE (with the typed phrase) to erase it all. */
export const MY_DATA_PATH = '/api/v1/me';
export const MY_DATA_JSON_PATH = '/api/v1/me/export';
export const MY_DATA_CSV_PATH = '/api/v1/me/export.csv';

/** Download names that sort by date: `learning-loop-my-data-2026-11-29.json`. */
export function myDataFileName(kind: 'json' | 'csv', now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return kind === 'json' ? `learning-loop-my-data-${day}.json` : `learning-loop-my-entries-${day}.csv`;
}
