// The only file that touches `process`: it runs the program and sets the exit code.
import { readVersion } from './cli/version.js';

const controller = new AbortController();
process.once('SIGTERM', () => controller.abort());
// A reader that stops early (`goals check | head`) closes the pipe: the rest
// of the output is not wanted, and the exit code still tells the result.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What commander prints, without loading it: --version is run by scripts, often.
  process.stdout.write(`${readVersion()}\n`);
} else {
  const { run } = await import('./cli/run.js');
  process.exitCode = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    // Node builds the stdin stream on first use: only commands that read it pay.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    signal: controller.signal,
  });
}
