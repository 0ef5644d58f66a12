import type { Rule } from './rule.js';
import { goalName } from './rule.js';

/**
 * Words that promise a direction but no amount. Without a number in the
 * title ("Increase CSAT", "Improve customer service") nobody can tell when
 * the goal is done.
 */
const VAGUE =
  /\b(improv\w*|better|enhanc\w*|optimi[sz]\w*|boost\w*|strengthen\w*|maximi[sz]\w*|minimi[sz]\w*|increas\w*|reduc\w*|decreas\w*|grow\w*|rais\w*|lower\w*|work on|focus on|step up|excel\w*|great\w*|world.class|best)\b/i;

export const specificVagueTitle: Rule = {
  meta: {
    id: 'specific/vague-title',
    letter: 'S',
    description: 'A title says how much, not only "improve" or "better".',
    defaultLevel: 'warn',
  },
  check(ctx) {
    const title = ctx.goal.input.title;
    if (/\d/.test(title)) return [];
    const vague = VAGUE.exec(title);
    if (!vague) return [];
    return [
      {
        message: `${goalName(ctx)}: the title "${title}" says "${vague[0]}" but not by how much.`,
        hint: 'Put the number and the date in the title, e.g. "Reach 85% CSAT by the end of Q3".',
        path: ['title'],
      },
    ];
  },
};
