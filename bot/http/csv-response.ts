import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { csvLine, type CsvValue } from '../contract/csv-cell.js';

/**
 * Streams rows to the client as a CSV download, a line at a time with the socket's backpressure,
 * so a file of any length costs the service one storage page of memory. A storage failure after
 * the first line has gone can no longer become a 4xx or 5xx: the connection is cut instead, so the
 * browser reports a failed download rather than saving a file that silently ends early.
 */
export async function sendCsv(
  res: Response,
  filename: string,
  rows: AsyncIterable<readonly CsvValue[]>,
  onError: (error: unknown) => void,
): Promise<void> {
  async function* lines() {
    for await (const row of rows) yield csvLine(row);
  }
  res.set('Cache-Control', 'no-store').type('text/csv; charset=utf-8').attachment(filename);
  try {
    await pipeline(Readable.from(lines()), res);
  } catch (error) {
    onError(error);
  }
}
