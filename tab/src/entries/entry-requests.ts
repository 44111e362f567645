import type { EntryEdit } from '../../../bot/contract/api.js';
import type { ApiClient } from '../api/api-client.js';
import type { Entry } from '../api/types.js';

const entryPath = (entryId: string) => `/api/v1/me/entries/${encodeURIComponent(entryId)}`;

/** Saves an edit; the service answers with the entry as stored. */
export async function saveEntryEdit(client: ApiClient, entryId: string, edit: EntryEdit): Promise<Entry> {
  const { entry } = await client.send<{ entry: Entry }>('PATCH', entryPath(entryId), edit);
  return entry;
}

export function deleteEntry(client: ApiClient, entryId: string): Promise<void> {
  return client.remove(entryPath(entryId));
}
