// `node --import ./test/helpers/load-trace.mjs …`: appends every module URL
// the program resolves to the file in $GOALS_LOAD_TRACE (start-up tests).
import { register } from 'node:module';

register('./load-trace-hooks.mjs', import.meta.url);
