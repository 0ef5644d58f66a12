// @ts-check
/**
 * A real PostgreSQL server for the warehouse tests and benchmark: a throw-away cluster in a
 * temporary folder, on a free loopback port, with password authentication
 * over TCP. Started by the tests themselves (no mock of pg, no shared server).
 *
 * Root may not run initdb: as root the cluster is created and run by the
 * `postgres` user through runuser.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const PASSWORD = 's3cret-Pa55word';

/** The newest PostgreSQL server binaries on this machine, if any. */
export function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

/** runuser by its path: CI's PATH may not hold the sbin folders. */
function runuser() {
  const found = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser', '/bin/runuser'].find(
    (p) => existsSync(p),
  );
  if (!found) throw new Error('runuser is not installed: as root, PostgreSQL must run as postgres');
  return found;
}

/** A free TCP port on the loopback interface. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin)');
  const isRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'goals-pg-'));
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PASSWORD}\n`);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const run = (cmd, args) =>
    execFileSync(
      isRoot ? runuser() : join(bin, cmd),
      isRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args,
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_ALL: 'C' },
      },
    ).toString();
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  const psql = (database, text, user = 'postgres') =>
    execFileSync(
      join(bin, 'psql'),
      [
        '-h',
        user === 'postgres' ? dir : '127.0.0.1',
        '-p',
        String(port),
        '-U',
        user,
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-qAt',
        '-c',
        text,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PGPASSWORD: PASSWORD },
      },
    ).toString();
  psql('postgres', `CREATE ROLE goals LOGIN PASSWORD '${PASSWORD}'`);
  psql('postgres', 'CREATE DATABASE goals OWNER goals');
  let stopped = false;
  return {
    url: `postgres://goals:${PASSWORD}@127.0.0.1:${port}/goals`,
    host: '127.0.0.1',
    port,
    user: 'goals',
    password: PASSWORD,
    database: 'goals',
    sql: (text) => psql('goals', text, 'goals'),
    psql: join(bin, 'psql'),
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
