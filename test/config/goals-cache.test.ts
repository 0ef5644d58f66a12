/**
 * goals.yaml read from the cache is goals.yaml parsed: the same configuration,
 * findings, goals and positions; a changed file is parsed again, and nothing
 * is written where there is no .goals folder.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStampOf, loadGoalsCached } from '../../src/config/goals-cache.js';
import { loadGoals } from '../../src/config/load-goals.js';
import type { LoadedGoals, YamlPath } from '../../src/config/load-goals.js';
import { copyFixture, tempDir } from '../helpers/temp-dir.js';

const CACHE = join('.goals', 'goals-yaml.cache.json');

/** Every path of the document (and a missing key below each map), to compare positions. */
function pathsOf(value: unknown, path: YamlPath = []): YamlPath[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value && typeof value === 'object') {
    return [
      path,
      [...path, 'no-such-key'],
      ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k])),
    ];
  }
  return [path];
}

function comparable(loaded: LoadedGoals, paths: YamlPath[]) {
  const { positionOf: _p, positions: _t, ...rest } = loaded;
  return { ...rest, positions: paths.map((p) => [p, loaded.positionOf(p)]) };
}

describe('the cache of goals.yaml', () => {
  for (const fixture of ['validate/classic-mistakes', 'validate/schema-problems', 'check/team']) {
    it(`gives what parsing gives (${fixture})`, async () => {
      const dir = copyFixture(fixture);
      mkdirSync(join(dir, '.goals'), { recursive: true });
      const path = join(dir, 'goals.yaml');
      const parsed = loadGoals(path, dir);
      const paths = pathsOf(parsed.config);
      const first = await loadGoalsCached(path, dir);
      expect(existsSync(join(dir, CACHE))).toBe(true);
      const cached = await loadGoalsCached(path, dir);
      expect(comparable(first, paths)).toEqual(comparable(parsed, paths));
      expect(comparable(cached, paths)).toEqual(comparable(parsed, paths));
      // Findings name the file as seen from where the command runs.
      const sub = join(dir, 'sub');
      mkdirSync(sub);
      const fromSub = await loadGoalsCached(path, sub);
      expect(fromSub.findings.map((f) => f.file)).toEqual(
        parsed.findings.map(() => '../goals.yaml'),
      );
      expect(fromSub.findings).toEqual(loadGoals(path, sub).findings);
    });
  }

  it('parses a changed file again, and reads nothing stale', async () => {
    const dir = tempDir({
      'goals.yaml':
        'version: 1\ngoals:\n  - { id: a, title: Reach 85% CSAT, metric: csat, target: 85, deadline: 2026-Q4 }\n',
    });
    mkdirSync(join(dir, '.goals'));
    const path = join(dir, 'goals.yaml');
    expect((await loadGoalsCached(path, dir)).config.goals[0]!.target).toBe(85);
    writeFileSync(path, readFileSync(path, 'utf8').replace('target: 85', 'target: 90'));
    expect((await loadGoalsCached(path, dir)).config.goals[0]!.target).toBe(90);
    writeFileSync(join(dir, CACHE), '{ not json');
    expect((await loadGoalsCached(path, dir)).config.goals[0]!.target).toBe(90);
  });

  it('works where the cache cannot be written, and leaves nothing behind', async () => {
    const dir = copyFixture('check/team');
    // A folder where the cache file would go: no rename can replace it, not even as root.
    mkdirSync(join(dir, CACHE, 'x'), { recursive: true });
    const path = join(dir, 'goals.yaml');
    const loaded = await loadGoalsCached(path, dir);
    const paths = pathsOf(loaded.config);
    expect(comparable(loaded, paths)).toEqual(comparable(loadGoals(path, dir), paths));
    expect(readdirSync(join(dir, '.goals'))).toEqual(['goals-yaml.cache.json']);
  });

  it('is keyed by every file of the build: a rebuilt or added file is another build', () => {
    const root = tempDir({ 'a.js': 'export {};\n' });
    mkdirSync(join(root, 'config'));
    writeFileSync(join(root, 'config', 'schema.js'), 'export {};\n');
    const stamp = buildStampOf(root);
    expect(buildStampOf(root)).toBe(stamp);
    // Same bytes, written again (as tsc writes every file of a build).
    utimesSync(join(root, 'config', 'schema.js'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const rebuilt = buildStampOf(root);
    expect(rebuilt).not.toBe(stamp);
    writeFileSync(join(root, 'config', 'new.js'), '');
    expect(buildStampOf(root)).not.toBe(rebuilt);
  });

  it('writes nothing where there is no .goals folder', async () => {
    const dir = tempDir({ 'goals.yaml': 'version: 1\n' });
    await loadGoalsCached(join(dir, 'goals.yaml'), dir);
    expect(existsSync(join(dir, '.goals'))).toBe(false);
  });
});
