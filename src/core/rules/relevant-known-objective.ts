import type { Rule } from './rule.js';
import { goalName } from './rule.js';
import { suggest } from '../suggest.js';

export const relevantKnownObjective: Rule = {
  meta: {
    id: 'relevant/known-objective',
    letter: 'R',
    description: 'The linked objective is declared under objectives:.',
    defaultLevel: 'error',
  },
  check(ctx) {
    const id = ctx.goal.input.objective;
    if (id === undefined || ctx.objectives.has(id)) return [];
    const close = suggest(id, ctx.objectives);
    const known = [...ctx.objectives];
    return [
      {
        message: `${goalName(ctx)}: objective '${id}' does not exist${close ? ` (did you mean '${close}'?)` : ''}.`,
        hint: close
          ? `Write \`objective: ${close}\`, or declare '${id}' under objectives:.`
          : `Declare '${id}' under objectives:${known.length ? `, or use one of: ${known.join(', ')}` : ''}.`,
        path: ['objective'],
      },
    ];
  },
};
