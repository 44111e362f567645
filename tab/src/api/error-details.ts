import { ApiFailure } from './api-client.js';

/**
 * What the service said about each field of a refused request, as `{ field: message }`: the first
 * message it gave for each, as a sentence. Empty for any other failure.
 */
export function fieldProblemsOf(error: unknown): Readonly<Record<string, string>> {
  if (!(error instanceof ApiFailure)) return {};
  const fields: Record<string, string> = {};
  for (const { field, message } of error.errors) if (message.length > 0) fields[field] ??= capitalised(message);
  return fields;
}

/** What the service said about one field of a refused request. */
export function detailFor(error: unknown, field: string): string | undefined {
  return fieldProblemsOf(error)[field];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
