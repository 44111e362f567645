import { createHash } from 'node:crypto';

/** This app's UUID namespace: statement ids are name-based UUIDs (version 5) within it. */
const NAMESPACE = '5657f6cc-9cac-438e-954b-199e5e8c8191';
const NAMESPACE_BYTES = Buffer.from(NAMESPACE.replaceAll('-', ''), 'hex');

/**
 * The statement id for a record, derived from the parts that identify it (RFC 4122 version 5:
 * SHA-1 of namespace and name). The same record always gets the same id, so a retry or a second
 * backfill is a duplicate the LRS recognises rather than a second statement.
 */
export function statementIdOf(...parts: readonly string[]): string {
  const hash = createHash('sha1').update(NAMESPACE_BYTES).update(JSON.stringify(parts), 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
