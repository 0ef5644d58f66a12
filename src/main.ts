// The only file that touches `process`: it runs the program and sets the exit code.
import { run } from './cli/run.js';

const controller = new AbortController();
process.once('SIGTERM', () => controller.abort());

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
  signal: controller.signal,
});
