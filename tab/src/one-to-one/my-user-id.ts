import type { ApiClient } from '../api/api-client.js';
import { ME_PATH } from './one-to-one-paths.js';

/** The caller's own id, asked once per client: a lead's list with a member is named by both ids. */
const asked = new WeakMap<ApiClient, Promise<string>>();

export function myUserId(client: ApiClient): Promise<string> {
  let id = asked.get(client);
  if (!id) {
    id = client.get<{ userId: string }>(ME_PATH).then((me) => me.userId);
    // A failure is not remembered: the next ask tries again.
    id.catch(() => asked.delete(client));
    asked.set(client, id);
  }
  return id;
}
