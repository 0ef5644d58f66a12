import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/cli/colour.js';
import type { CommandContext } from '../../src/cli/context.js';
import { loadProject } from '../../src/cli/load-project.js';
import { openHistory } from '../../src/cli/open-history.js';
import { openStore } from '../../src/store/open-store.js';
import { memoryIo } from '../helpers/memory-io.js';
import { copyFixture, tempDir } from '../helpers/temp-dir.js';

async function context(cwd: string, global: CommandContext['global'] = {}) {
  const { io, err } = memoryIo({ cwd });
  const ctx: CommandContext = {
    io,
    global,
    version: '0.0.0-test',
    colour: 0,
    colourErr: 0,
    chalk: await makeChalk(0),
    chalkErr: await makeChalk(0),
  };
  return { ctx, err };
}

async function history(dir: string, sync = true, global: CommandContext['global'] = {}) {
  const { ctx, err } = await context(dir, global);
  const h = await openHistory(ctx, await loadProject(ctx), { sync });
  return { h, err: err() };
}

describe('openHistory', () => {
  it('is undefined, and creates nothing, without a store or a source', async () => {
    const dir = tempDir({ 'goals.yaml': 'version: 1\n' });
    expect((await history(dir)).h).toBeUndefined();
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });

  it('is undefined with --no-sync before anything was imported', async () => {
    const dir = copyFixture('import/wide-european');
    expect((await history(dir, false)).h).toBeUndefined();
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });

  it('syncs the sources, then serves the points of a metric and segment in date order', async () => {
    const dir = copyFixture('import/long-teams');
    const { h, err } = await history(dir);
    expect(err).toBe('Synced metrics.csv (source team-metrics): 4 new, 0 updated, 0 unchanged.\n');
    expect(h!.pointsOf('resolution_time', { team: 'EMEA' })).toEqual([
      { date: '2026-10-05', value: 108000 },
      { date: '2026-10-12', value: 105840 },
    ]);
    expect(h!.pointsOf('churn_rate', {})).toEqual([{ date: '2026-10-01', value: 2.3 }]);
    expect(h!.pointsOf('csat', {})).toEqual([]);
    h!.close();
  });

  it('skips unchanged exports, and imports one that changed', async () => {
    const dir = copyFixture('import/long-teams');
    (await history(dir)).h!.close();
    const again = await history(dir);
    expect(again.err).toBe('');
    again.h!.close();
    writeFileSync(
      join(dir, 'metrics.csv'),
      readFileSync(join(dir, 'metrics.csv'), 'utf8') + '2026-10-19,resolution_time,EMEA,28.9\n',
    );
    const changed = await history(dir, true, { quiet: true });
    expect(changed.err).toBe('');
    expect(changed.h!.pointsOf('resolution_time', { team: 'EMEA' })).toHaveLength(3);
    changed.h!.close();
    const store = openStore(join(dir, '.goals', 'goals.db'), { readonly: true });
    expect(store.listImports().map((i) => [i.source, i.path, i.inserted, i.unchanged])).toEqual([
      ['team-metrics', 'metrics.csv', 4, 0],
      ['team-metrics', 'metrics.csv', 1, 4],
    ]);
    store.close();
  });

  it('stops with the source, its line in goals.yaml and --no-sync when an export is missing', async () => {
    const dir = copyFixture('import/long-teams');
    rmSync(join(dir, 'metrics.csv'));
    await expect(history(dir)).rejects.toMatchObject({
      code: 'CSV_UNREADABLE',
      message:
        "Source 'team-metrics' (goals.yaml:4) could not be synced: cannot read metrics.csv: it does not exist.",
      hint: 'Check the path (it is relative to the working directory, or to goals.yaml for sources:). To evaluate what is already in the store, add --no-sync.',
    });
  });

  it('stops with every bad row of a source, and keeps what the store had', async () => {
    const dir = copyFixture('import/long-teams');
    (await history(dir)).h!.close();
    writeFileSync(
      join(dir, 'metrics.csv'),
      readFileSync(join(dir, 'metrics.csv'), 'utf8') + '2026-10-19,resolution_time,EMEA,-3\n',
    );
    let error: unknown;
    try {
      await history(dir);
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe(
      "Source 'team-metrics' (goals.yaml:4) could not be synced: metrics.csv was not imported: 1 bad row. Nothing was written.",
    );
    expect(error).toMatchObject({
      code: 'CSV_REJECTED',
      hint: 'Correct the rows in the export and import it again, or leave them out with --skip-invalid (goals import --source team-metrics --skip-invalid), or on every sync with skip_invalid: true in the source. To evaluate what is already in the store, add --no-sync.',
      findings: [
        expect.objectContaining({
          file: 'metrics.csv',
          line: 6,
          column: 33,
          message: '-3 in column "value" is outside the range of resolution_time (at least 0).',
        }),
      ],
    });
    const { h } = await history(dir, false);
    expect(h!.pointsOf('resolution_time', { team: 'EMEA' })).toHaveLength(2);
    h!.close();
  });

  it('honours --db', async () => {
    const dir = copyFixture('import/long-teams');
    (await history(dir, true, { db: 'elsewhere.db' })).h!.close();
    expect(existsSync(join(dir, 'elsewhere.db'))).toBe(true);
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });
});
