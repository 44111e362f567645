/**
 * A stored conversation reference (JSON, as the Teams adapter serialised it) without the person
 * whose message it was taken from, or undefined when it does not name any of `ids`. A channel's or
 * chat's reference keeps `user` from the last message seen there; posting to the conversation
 * later needs only the conversation, the service URL and the bot.
 */
export function referenceWithoutPerson(reference: string, ids: readonly string[]): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(reference);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('user' in parsed)) return undefined;
  const { user, ...rest } = parsed as { user?: unknown };
  if (typeof user !== 'object' || user === null) return undefined;
  const account = user as { id?: unknown; aadObjectId?: unknown };
  const named = [account.id, account.aadObjectId].some((id) => typeof id === 'string' && ids.includes(id));
  return named ? JSON.stringify(rest) : undefined;
}
