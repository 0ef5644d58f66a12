/**
 * The JUnit report against the Jenkins JUnit schemas, with a real XSD
 * validator (libxml2's xmllint, compiled to WebAssembly): the dtkit
 * junit-4.xsd that Jenkins' JUnit tooling started from (the strictest: no
 * `testsuites@skipped`, no `testcase@file`, `<skipped>` is text only) and the
 * xunit plugin's junit-10.xsd. Both are vendored under test/fixtures/junit
 * (MIT; see the README there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { formatCheckJunit } from '../../../src/report/check/junit.js';
import { makeResult } from './make-result.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const SCHEMAS = ['jenkins-junit-4.xsd', 'junit-10.xsd'];

/** xmllint's complaints about a report against one schema; empty when valid. */
async function schemaErrors(xml: string, schema: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: schema, contents: readFileSync(join(FIXTURES, 'junit', schema), 'utf8') }],
  });
  return result.errors.map((e) => e.rawMessage);
}

describe('JUnit XML against the Jenkins JUnit schemas', () => {
  const teamReport = readFileSync(join(FIXTURES, 'check', 'team', 'expected', 'check.xml'), 'utf8');

  it.each(SCHEMAS)('the team fixture’s report (every status) is valid against %s', async (xsd) => {
    expect(await schemaErrors(teamReport, xsd)).toEqual([]);
  });

  it.each(SCHEMAS)('a failing, a skipped and a hostile goal are valid against %s', async (xsd) => {
    const result = makeResult([
      {
        fields: {
          id: 'off',
          title: 'Goal <0> & "more" \u0007',
          metric: 'csat',
          baseline: 78,
          target: 85,
          start: '2026-07-01',
          deadline: '2026-12-31',
        },
        values: [78, 77, 76],
      },
      {
        fields: {
          id: 'later',
          metric: 'csat',
          target: 85,
          start: '2027-01-01',
          deadline: '2027-Q1',
        },
        values: [],
      },
    ]);
    result.goals[0]!.objective = 'quality';
    const xml = formatCheckJunit(result);
    expect(xml).toContain('<failure type="off-track"');
    expect(xml).toContain('<skipped>');
    expect(await schemaErrors(xml, xsd)).toEqual([]);
  });

  it('the validator does reject what the schemas forbid (the report before this fix)', async () => {
    const before = teamReport
      .replace(
        '<testsuites name="goals check as of 2026-11-16" tests="10" failures="2" errors="0"',
        '$& skipped="2"',
      )
      .replace(
        '<skipped>no data: no snapshot on or before 2026-11-16</skipped>',
        '<skipped message="no data"/>',
      );
    expect(await schemaErrors(before, 'jenkins-junit-4.xsd')).toEqual([
      "report.xml:2: Schemas validity error : Element 'testsuites', attribute 'skipped': The attribute 'skipped' is not allowed.",
      "report.xml:50: Schemas validity error : Element 'skipped', attribute 'message': The attribute 'message' is not allowed.",
    ]);
  });
});

describe('what GitLab and Jenkins show for a skipped goal', () => {
  it('the reason is the text of <skipped>, with no attributes', () => {
    const result = makeResult([
      {
        fields: {
          id: 'later',
          metric: 'csat',
          target: 85,
          start: '2027-01-01',
          deadline: '2027-Q1',
        },
        values: [],
      },
    ]);
    expect(formatCheckJunit(result)).toContain(
      '<testcase classname="goals.no-objective" name="later">\n      <skipped>not started: as of 2026-11-16 is before the start 2027-01-01</skipped>\n',
    );
  });
});
