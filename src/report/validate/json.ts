import type { ValidateResult } from './result.js';

/** DESIGN §7: `goals validate --format json`. */
export function formatValidateJson(result: ValidateResult): string {
  const body = {
    version: 1,
    config: result.config,
    summary: result.summary,
    findings: result.findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      ...(f.goal !== undefined ? { goal: f.goal } : {}),
      message: f.message,
      hint: f.hint ?? null,
      file: f.file,
      line: f.line,
      column: f.column,
    })),
    goals: result.goals.map((g) => ({ id: g.id, smart: g.smart })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
