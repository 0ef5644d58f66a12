/**
 * The package as `npm pack` makes it (the `files` of package.json) works on
 * its own: put into a team's project next to its `dependencies` only (not
 * the devDependencies, not this repository's sources), `goals --version` and
 * `goals check` run. A missing file in `files`, or a runtime import of a
 * devDependency, fails here. The whole install (npm installing the packed
 * tarball, better-sqlite3 compiled) takes minutes: scripts/try-install.sh.
 * `npm test` builds dist/ first.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { tempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};

/** The files `npm pack` would put in the tarball, as paths inside the package. */
function packedFiles(): string[] {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const [packed] = JSON.parse(r.stdout) as Array<{ name: string; files: Array<{ path: string }> }>;
  expect(packed!.name).toBe('goals-as-code');
  return packed!.files.map((f) => f.path).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
}

describe('the packed package', () => {
  const files = packedFiles();

  it('holds the built CLI and nothing of the repository beyond it', () => {
    expect(pkg.bin).toEqual({ goals: 'bin/goals.js' });
    const outside = files.filter(
      (f) =>
        !/^(bin|dist)\//.test(f) && !['package.json', 'README.md', 'goals.schema.json'].includes(f),
    );
    expect(outside).toEqual([]);
    expect(files).toContain('bin/goals.js');
    const missing = sourceFiles(join(root, 'src'))
      .map((f) => `dist/${f.replace(/\\/g, '/').replace(/\.ts$/, '.js')}`)
      .filter((f) => !files.includes(f));
    expect(missing).toEqual([]);
  });

  it('runs in a team project with only its dependencies: goals --version and goals check', () => {
    const project = tempDir();
    const installed = join(project, 'node_modules', pkg.name);
    for (const file of files) {
      mkdirSync(dirname(join(installed, file)), { recursive: true });
      cpSync(join(root, file), join(installed, file));
    }
    // Each runtime dependency as npm would place it; theirs resolve from its real path.
    for (const name of Object.keys(pkg.dependencies)) {
      const link = join(project, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), join(root, 'node_modules', name)), link, 'junction');
    }
    cpSync(join(root, 'goals.example.yaml'), join(project, 'goals.yaml'));
    cpSync(join(root, 'examples'), join(project, 'examples'), { recursive: true });

    const goals = (...args: string[]) =>
      spawnSync(process.execPath, [join(installed, pkg.bin.goals!), ...args], {
        cwd: project,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: project, NO_COLOR: '1' },
      });
    const version = goals('--version');
    expect(version.stdout).toBe(`${pkg.version}\n`);
    expect(version.status).toBe(0);

    const check = goals('check', '--as-of', '2026-11-16');
    // As the README's quick start says: the sample exports are imported, and
    // two of the example's goals fail the default --fail-on. 102 and 53: the
    // non-empty value cells of the two CSVs, counted with Python's csv module.
    expect(check.stderr).toBe(
      'Synced examples/weekly-kpis.csv (source weekly-kpis): 102 new, 0 updated, 0 unchanged.\n' +
        'Synced examples/team-metrics.csv (source team-metrics): 53 new, 0 updated, 0 unchanged.\n',
    );
    expect(check.stdout).toContain(
      '✖ 2 goals failing (--fail-on off-track,missed): fcr-75, churn-2pct\n',
    );
    expect(check.status).toBe(1);
  });
});
