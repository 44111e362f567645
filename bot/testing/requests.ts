import { DEMO_TENANT_ID } from '../demo/demo-team.js';

/** Headers naming a demo person to the API in local mode, with a JSON body. */
export function asDemoPerson(userId: string, tenantId = DEMO_TENANT_ID): Record<string, string> {
  return { 'x-local-tenant-id': tenantId, 'x-local-user-id': userId, 'content-type': 'application/json' };
}

/** Posts an activity to the bot endpoint as Teams would; answers with an invoke's value (its card), if any. */
export async function postActivity(baseUrl: string, activity: unknown): Promise<unknown> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return text ? (JSON.parse(text) as { value?: unknown }).value : undefined;
}
