/** A page cursor that was not issued for this list (tampered, truncated or from another list). */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor() {
    super('The page cursor is not valid for this list.');
  }
}

/**
 * Wraps Table Storage's continuation token with the partition it continues. The token's own
 * format is the service's business (Azurite and Azure differ); ours lets us refuse a cursor
 * from another list. The query filter pins the partition regardless, so this is about clear
 * errors more than safety.
 */
export function encodeCursor(partitionKey: string, continuationToken: string | undefined): string | null {
  if (!continuationToken) return null;
  return Buffer.from(JSON.stringify({ p: partitionKey, t: continuationToken })).toString('base64url');
}

export function decodeCursor(cursor: string, partitionKey: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const { p, t } = (decoded ?? {}) as { p?: unknown; t?: unknown };
  if (p !== partitionKey || typeof t !== 'string' || t.length === 0 || !isTableToken(t)) throw new InvalidCursorError();
  return t;
}

/**
 * The table SDK's continuation token is base64 JSON naming the next partition and row (their
 * values are the service's). The SDK parses it before sending anything and throws on any other
 * shape, which would surface as a storage failure: a tampered cursor is refused here instead.
 */
function isTableToken(token: string): boolean {
  try {
    const { nextPartitionKey, nextRowKey } = JSON.parse(Buffer.from(token, 'base64').toString('latin1')) as {
      nextPartitionKey?: unknown;
      nextRowKey?: unknown;
    };
    return typeof nextPartitionKey === 'string' && nextPartitionKey !== '' && (nextRowKey === undefined || typeof nextRowKey === 'string');
  } catch {
    return false;
  }
}
