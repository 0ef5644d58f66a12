// The only file that touches `process`: it runs the program and sets the exit code.
import { run } from './cli/run.js';

const controller = new AbortController();
process.once('SIGTERM', () => controller.abort());
// A reader that stops early (`goals check | head`) closes the pipe: the rest
// of the output is not wanted, and the exit code still tells the result.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
  signal: controller.signal,
});
