/**
 * A warehouse query as the rows of an import (src/import/row-source.ts): the
 * header, then each row as text cells, numbered as the lines of the CSV that
 * `\copy (query) to file csv header` would write (the header is line 1). A
 * problem is shown at the source's `query:` in goals.yaml, naming the row of
 * the result (the first row after the header is row 1) and its column. The
 * driver is loaded only when the rows are read.
 */
import type { RowSource } from '../import/row-source.js';
import { findingAt } from '../import/row-source.js';
import { BATCH_ROWS, isPostgresUrl } from './query-rows.js';
import type { QuerySpec } from './query-rows.js';

export function queryRows(
  spec: QuerySpec,
  at: { displayPath: string; file: string; line: number; column: number; database: string },
): RowSource {
  const { displayPath } = at;
  return {
    displayPath,
    database: at.database,
    decimal: '.',
    total: 0,
    async read(onRecord, onChunk, options) {
      const read = isPostgresUrl(spec.database)
        ? (await import('./read-postgres.js')).readPostgres
        : (await import('./read-sqlite.js')).readSqlite;
      let rows = 0;
      await read({ ...spec, signal: options.signal ?? spec.signal }, (fields, line) => {
        if (line > 1 && ++rows % BATCH_ROWS === 0) onChunk(rows, false);
        return onRecord(fields, line) !== false;
      });
      onChunk(rows, true);
    },
    locate: async (problems) =>
      problems.map((p) => {
        const finding = findingAt(p, at.file, at);
        const row = p.line > 1 ? `Row ${(p.line - 1).toLocaleString('en-US')} of the result` : '';
        return row ? { ...finding, message: `${row}: ${finding.message}` } : finding;
      }),
    // A query is read again on every sync, so nothing compares what it gave.
    sha256: () => '',
  };
}
