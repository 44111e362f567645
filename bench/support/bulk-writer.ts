import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { TableClients, TableName } from '../../bot/store/table-clients.js';
import type { RecordedRow, RowRecorder } from './row-recorder.js';

/** Table Storage's limit: a transaction holds at most 100 operations, all in one partition. */
const BATCH_ROWS = 100;

export interface WrittenFigures {
  rows: number;
  transactions: number;
  /** The rows' size as JSON: near what storage bills, and comparable between runs. */
  bytes: number;
  byTable: Partial<Record<TableName, number>>;
}

/**
 * Sends what a RowRecorder holds to storage, one transaction per partition and 100 rows, with
 * at most `width` transactions in flight. `flush` returns once its rows are handed over (waiting
 * only while the width is full), so the caller prepares the next rows while these are written;
 * `drain` waits for all of them and throws the first failure.
 */
export class BulkWriter {
  private inFlight = new Set<Promise<void>>();
  private failure: unknown;
  readonly figures: WrittenFigures = { rows: 0, transactions: 0, bytes: 0, byTable: {} };

  constructor(
    private readonly tables: TableClients,
    private readonly width = 32,
  ) {}

  async flush(recorder: RowRecorder): Promise<void> {
    for (const [table, partitions] of recorder.take()) {
      for (const rows of partitions.values()) {
        for (let start = 0; start < rows.length; start += BATCH_ROWS) {
          const chunk = rows.slice(start, start + BATCH_ROWS);
          this.count(table, chunk);
          await this.send(this.tables[table], chunk);
        }
      }
    }
  }

  async drain(): Promise<WrittenFigures> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    return this.figures;
  }

  private count(table: TableName, rows: readonly RecordedRow[]): void {
    this.figures.rows += rows.length;
    this.figures.transactions++;
    this.figures.byTable[table] = (this.figures.byTable[table] ?? 0) + rows.length;
    for (const { row } of rows) this.figures.bytes += JSON.stringify(row).length;
  }

  private async send(table: TableClient, rows: RecordedRow[]): Promise<void> {
    while (this.inFlight.size >= this.width) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    // Upserts: a rerun over the same tables rewrites the same rows rather than failing on them.
    const actions = rows.map(({ row, mode }): TransactionAction => ['upsert', row as { partitionKey: string; rowKey: string }, mode]);
    const sent: Promise<void> = table
      .submitTransaction(actions)
      .then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= error;
        },
      )
      .finally(() => this.inFlight.delete(sent));
    this.inFlight.add(sent);
  }
}
