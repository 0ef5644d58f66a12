/**
 * `goals check --format junit`: JUnit XML for GitLab, Jenkins and the like.
 * One test suite per objective, one test case per goal: a failure when the
 * goal fails the check (`--fail-on`), skipped when it has not started or has
 * no data, and its figures in system-out. No timestamps, so the same data
 * gives the same bytes. Only what the Jenkins JUnit schemas allow (dtkit
 * junit-4.xsd, xunit junit-10.xsd): no `testsuites@skipped`, no
 * `testcase@file`, and the reason of `<skipped>` as its text, which is what
 * GitLab shows (an attribute alone shows there as a hash).
 */
import { statusLabel } from '../../core/status.js';
import { describeGoal, failureReason, groupByObjective, statusReason } from './goal-text.js';
import type { CheckResult, CheckedGoal } from './result.js';

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attributes(attrs: Record<string, string | number>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

function testCase(goal: CheckedGoal, indent: string, failBelowChance?: number): string {
  const e = goal.evaluation;
  const classname = `goals.${goal.objective ?? 'no-objective'}`;
  let out = `${indent}<testcase${attributes({ classname, name: e.id })}>\n`;
  const inner = `${indent}  `;
  const details = escapeXml(describeGoal(goal).join('\n'));
  if (goal.failures.length > 0) {
    const type = goal.failures.join(',');
    const message = `${e.id} ${failureReason(goal, failBelowChance)}`;
    out += `${inner}<failure${attributes({ type, message })}>${escapeXml(message)}</failure>\n`;
  } else if (isSkipped(goal)) {
    out += `${inner}<skipped>${escapeXml(`${statusLabel(e.status)}: ${statusReason(e)}`)}</skipped>\n`;
  }
  out += `${inner}<system-out>${details}</system-out>\n`;
  out += `${indent}</testcase>\n`;
  return out;
}

/** Not started and no data are skipped, unless --fail-on makes them failures. */
function isSkipped(goal: CheckedGoal): boolean {
  const { status } = goal.evaluation;
  return goal.failures.length === 0 && (status === 'not-started' || status === 'no-data');
}

export function formatCheckJunit(result: CheckResult): string {
  const count = (goals: CheckedGoal[]) => ({
    tests: goals.length,
    failures: goals.filter((g) => g.failures.length > 0).length,
    errors: 0,
  });
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  // The schemas have `skipped` on <testsuite> but not on <testsuites>.
  out += `<testsuites${attributes({ name: `goals check as of ${result.asOf}`, ...count(result.goals) })}>\n`;
  for (const group of groupByObjective(result)) {
    const name = group.objective?.id ?? 'no-objective';
    const skipped = group.goals.filter(isSkipped).length;
    out += `  <testsuite${attributes({ name, ...count(group.goals), skipped })}>\n`;
    for (const goal of group.goals) out += testCase(goal, '    ', result.failBelowChance);
    out += '  </testsuite>\n';
  }
  out += '</testsuites>\n';
  return out;
}
