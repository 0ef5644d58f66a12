/**
 * What the schema alone cannot see in warehouse sources (DESIGN §13): a
 * `database:` URL written with its password in goals.yaml, a file that is
 * committed with the code. The finding never shows the URL.
 */
import type { Finding } from '../core/finding.js';
import type { Position, YamlPath } from './load-goals.js';
import type { GoalsFile } from './schema.js';

export function checkWarehouse(
  config: GoalsFile,
  positionOf: (path: YamlPath) => Position,
  file: string,
): Finding[] {
  const findings: Finding[] = [];
  config.sources.forEach((source, i) => {
    if (source.database === undefined || !hasPassword(source.database)) return;
    const path = ['sources', i, 'database'];
    const name = `${source.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_DATABASE_URL`;
    findings.push({
      severity: 'warning',
      rule: 'source/password-in-file',
      message: `Source '${source.id}': database: holds a password, and goals.yaml is committed with the code.`,
      hint: `Keep the URL in the environment: write \`database: env:${name}\`, set ${name} where goals runs (in CI, from a repository secret), and change the password.`,
      file,
      ...positionOf(path),
      path,
    });
  });
  return findings;
}

/** postgres://user:password@host/db, with a password that is not empty. */
function hasPassword(database: string): boolean {
  if (!/^postgres(ql)?:\/\//i.test(database)) return false;
  try {
    return new URL(database).password !== '';
  } catch {
    return /^[^:]+:\/\/[^/@]*:[^/@]+@/.test(database);
  }
}
