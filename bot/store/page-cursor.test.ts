import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from './page-cursor.js';

const table = (token: object) => Buffer.from(JSON.stringify(token)).toString('base64');
const cursor = (p: string, t: string) => Buffer.from(JSON.stringify({ p, t })).toString('base64url');

describe('page cursors', () => {
  it('round-trips the table SDK’s continuation token for the list it was issued for', () => {
    const token = table({ nextPartitionKey: '1!8!dA--', nextRowKey: '1!12!ZQ--' });
    expect(decodeCursor(encodeCursor('t|u', token)!, 't|u')).toBe(token);
    expect(() => decodeCursor(encodeCursor('t|u', token)!, 't|other')).toThrow(InvalidCursorError);
  });

  it('refuses a tampered cursor before the SDK reads its token, which would fail as if storage had', () => {
    for (const t of [
      'x',
      table({}),
      table({ nextPartitionKey: 5 }),
      table({ nextPartitionKey: 'p', nextRowKey: {} }),
      Buffer.from('null').toString('base64'),
    ]) {
      expect(() => decodeCursor(cursor('t|u', t), 't|u'), t).toThrow(InvalidCursorError);
    }
  });
});
