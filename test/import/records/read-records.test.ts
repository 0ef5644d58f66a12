import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/core/metrics.js';
import { specFromFlags } from '../../../src/import/import-spec.js';
import type { ImportFlags } from '../../../src/import/import-spec.js';
import { readRecords } from '../../../src/import/read-records.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function read(text: string, flags: ImportFlags) {
  const dir = tempDir();
  const path = join(dir, 'log.csv');
  writeFileSync(path, text);
  const values = new Map<string, number>();
  let resets = 0;
  const outcome = await readRecords(
    {
      path,
      displayPath: 'log.csv',
      spec: specFromFlags({ layout: 'records', ...flags }),
      catalog: buildCatalog([]),
    },
    {
      add: (batch) => {
        for (let i = 0; i < batch.length; i++) {
          const s = batch.at(i);
          values.set(`${s.metric}|${s.segment}|${s.date}`, s.value);
        }
      },
      reset: () => {
        resets++;
        values.clear();
      },
    },
  );
  return { values, outcome, resets };
}

describe('readRecords', () => {
  it('reduces an event log to the last row of each id, wherever its rows stand in the file', async () => {
    const { values, outcome } = await read(
      [
        'number,state,opened,resolved',
        'INC2,New,2026-01-05 09:00,?',
        'INC1,New,2026-01-05 08:00,?',
        'INC2,Resolved,2026-01-05 09:00,2026-01-05 13:00',
        'INC3,New,2026-01-06 10:00,?',
        'INC1,Active,2026-01-05 08:00,?',
        'INC1,Resolved,2026-01-05 08:00,2026-01-07 08:00',
        '',
      ].join('\n'),
      {
        field: ['id=number', 'status=state', 'created=opened', 'solved=resolved'],
        missing: ['?'],
        period: 'week',
      },
    );
    expect(outcome.rows).toBe(6);
    expect(outcome.ids).toBe(3);
    expect(outcome.supersededRows).toBe(3);
    // By hand: three incidents, two solved: 4 h and 48 h → mean 26 h; INC3 still open.
    expect(values.get('ticket_volume||2026-01-05')).toBe(3);
    expect(values.get('resolution_time||2026-01-05')).toBe(26 * 3600);
    expect(values.get('backlog||2026-01-05')).toBe(1);
  });

  it('reads the file again when a late value rules out the day-month order it started with', async () => {
    const { values, outcome, resets } = await read(
      ['Date,Answered', '01/02/2026,Y', '02/02/2026,N', '13/02/2026,Y', ''].join('\n'),
      { field: ['created=Date', 'answered=Answered'], period: 'month' },
    );
    // 01/02 and 02/02 read as January 2 and February 2 at first; 13/02 proves DD/MM.
    expect(resets).toBe(1);
    expect(outcome.dateFormat).toBe('DD/MM/YYYY');
    expect([...values.keys()].filter((k) => k.startsWith('answer_rate'))).toEqual([
      'answer_rate||2026-02-01',
    ]);
    expect(values.get('answer_rate||2026-02-01')).toBe((2 / 3) * 100);
  });

  it('refuses timestamps that read two ways, naming the field to declare', async () => {
    await expect(
      read(['Date,Answered', '01/02/2026,Y', '03/04/2026,N', ''].join('\n'), {
        field: ['created=Date', 'answered=Answered'],
      }),
    ).rejects.toMatchObject({
      message:
        'log.csv was not imported: its timestamps fit both MM/DD/YYYY and DD/MM/YYYY, and goals does not guess.',
      hint: 'Declare the format: --field "created=Date:MM/DD/YYYY".',
    });
  });
});
