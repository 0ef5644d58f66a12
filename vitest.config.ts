import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    // The prompt tests drive Node's readline, which reads process.env.TERM
    // itself and ignores backspace and arrows under TERM=dumb (as some CI
    // runners set it); they simulate a real terminal.
    env: { TERM: 'xterm-256color' },
  },
});
