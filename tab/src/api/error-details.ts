/**
 * What the service said about one field of a rejected request. It words this two ways: a form's
 * `{ field: message }`, or a list of `{ path, message }` for a body that failed its schema.
 */
export function detailFor(details: unknown, field: string): string | undefined {
  if (Array.isArray(details)) {
    const issue: unknown = details.find((d: unknown) => typeof d === 'object' && d !== null && (d as { path?: unknown }).path === field);
    const message = (issue as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message.length > 0 ? capitalised(message) : undefined;
  }
  if (typeof details !== 'object' || details === null) return undefined;
  const message = (details as Record<string, unknown>)[field];
  return typeof message === 'string' && message.length > 0 ? message : undefined;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
