/**
 * How a sync decides a source is unchanged: its latest import's stat when
 * it can be trusted (as git's index does), else its sha256.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/metrics.js';
import { importSources, sourceJobs } from '../../src/import/sync-sources.js';
import type { SyncProject } from '../../src/import/sync-sources.js';
import { openStore } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = new Date('2026-11-16T09:00:00Z');
const HOUR_AGO = (Date.now() - 3_600_000) / 1000;

function setup(text: string): { dir: string; file: string; project: SyncProject } {
  const dir = tempDir({ 'a.csv': text });
  const project: SyncProject = {
    sources: [{ id: 'a', path: 'a.csv', layout: 'long', date: 'date' }],
    dir,
    cwd: dir,
    timeZone: 'UTC',
    catalog: buildCatalog([]),
    goalsFile: { displayPath: 'goals.yaml', positionOf: () => ({ line: 3, column: 5 }) },
  };
  return { dir, file: join(dir, 'a.csv'), project };
}

async function sync(
  project: SyncProject,
  store: ReturnType<typeof openStore>,
  fileClock?: () => number,
) {
  const outcome = await importSources(project, store, sourceJobs(project, project.dir), {
    now: NOW,
    fileClock,
  });
  expect(outcome.failures).toEqual([]);
  const [result] = outcome.results;
  return result!.status === 'unchanged-file' ? `unchanged by ${result!.unchangedBy}` : 'imported';
}

describe('a sync skips an unchanged source', () => {
  it('by its stat when the file was last changed well before it was read, without reading it', async () => {
    const { file, project } = setup('date,metric,value\n2026-07-13,csat,80\n');
    utimesSync(file, HOUR_AGO, HOUR_AGO);
    // ctime cannot be set back: the file clock is read as if the sync ran a minute later.
    const later = () => Date.now() + 60_000;
    const store = openStore(':memory:');
    expect(await sync(project, store, later)).toBe('imported');
    const { size, mtimeMs } = statSync(file, { bigint: false });
    expect(store.latestImport('a')!.stat).toMatch(new RegExp(`^${size} \\d+ \\d+ \\d+$`));
    expect(await sync(project, store, later)).toBe('unchanged by stat');
    // Same size, the old modification time put back: the change time still tells.
    writeFileSync(file, readFileSync(file, 'utf8').replace('80', '86'));
    utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
    expect(await sync(project, store, later)).toBe('imported');
    expect(store.pointsOf('csat', '')).toEqual([{ date: '2026-07-13', value: 86 }]);
    store.close();
  });

  it('by its sha256 when the file changed too recently to trust its stat (racy), then by its stat', async () => {
    const { file, project } = setup('date,metric,value\n2026-07-13,csat,80\n');
    const store = openStore(':memory:');
    // Read right after it was written: a change within the timestamps' granularity
    // could keep the very same stat, so none is recorded.
    expect(await sync(project, store)).toBe('imported');
    expect(store.latestImport('a')!.stat).toBeNull();
    const before = statSync(file, { bigint: true });
    // The same size, written at once: the stat may not tell; the hash does.
    writeFileSync(file, 'date,metric,value\n2026-07-13,csat,86\n');
    expect(await sync(project, store)).toBe('imported');
    expect(store.pointsOf('csat', '')).toEqual([{ date: '2026-07-13', value: 86 }]);
    expect(statSync(file, { bigint: true }).size).toBe(before.size);
    expect(await sync(project, store)).toBe('unchanged by sha256');
    // Once the file is old enough, the sync that hashed it records its stat.
    const later = () => Date.now() + 60_000;
    expect(await sync(project, store, later)).toBe('unchanged by sha256');
    expect(await sync(project, store, later)).toBe('unchanged by stat');
    store.close();
  });

  it("compares with the source's latest import only, and re-reads it when its mapping changes", async () => {
    const v1 = 'date,metric,value\n2026-07-13,csat,80\n';
    const { file, project } = setup(v1);
    const store = openStore(':memory:');
    await sync(project, store);
    writeFileSync(file, 'date,metric,value\n2026-07-13,csat,86\n');
    await sync(project, store);
    writeFileSync(file, v1);
    expect(await sync(project, store)).toBe('imported');
    expect(store.pointsOf('csat', '')).toEqual([{ date: '2026-07-13', value: 80 }]);
    const skipping = { ...project, sources: [{ ...project.sources[0]!, skip_invalid: true }] };
    expect(await sync(skipping, store)).toBe('imported');
    expect(await sync({ ...skipping, timeZone: 'Asia/Kolkata' }, store)).toBe('imported');
    store.close();
  });
});
