/**
 * A warehouse query as the rows of an import (src/import/row-source.ts): the
 * header, then each row as text cells, numbered as the lines of the CSV that
 * `\copy (query) to file csv header` would write (the header is line 1). The
 * driver is loaded only when the rows are read.
 */
import { createHash } from 'node:crypto';
import type { RowSource } from '../import/row-source.js';
import { findingAt } from '../import/row-source.js';
import { BATCH_ROWS, isPostgresUrl } from './query-rows.js';
import type { QuerySpec } from './query-rows.js';

export function queryRows(spec: QuerySpec, displayPath: string): RowSource {
  let digest = '';
  return {
    displayPath,
    decimal: '.',
    total: 0,
    async read(onRecord, onChunk, options) {
      const read = isPostgresUrl(spec.database)
        ? (await import('./read-postgres.js')).readPostgres
        : (await import('./read-sqlite.js')).readSqlite;
      const hash = createHash('sha256');
      let rows = 0;
      await read({ ...spec, signal: options.signal ?? spec.signal }, (fields, line) => {
        hash.update(fields.join('\x1f')).update('\x1e');
        if (line > 1 && ++rows % BATCH_ROWS === 0) onChunk(rows, false);
        return onRecord(fields, line) !== false;
      });
      digest = hash.digest('hex');
      onChunk(rows, true);
    },
    locate: async (problems) =>
      problems.map((p) => findingAt(p, displayPath, { line: p.line, column: p.field + 1 })),
    sha256: () => digest,
  };
}
