import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.GOALS_LOAD_TRACE) appendFileSync(process.env.GOALS_LOAD_TRACE, `${result.url}\n`);
  return result;
}
