import { defineConfig } from 'vitest/config'

// End-to-end: the real server in a child process, driven by Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    setupFiles: ['test/support/fail-on-console-error.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // A page after a click may still be on its way (a form post, a redirect): assertions about it poll, and on a
    // loaded CI machine a navigation can take seconds, so they wait up to 15 s instead of vitest's 1 s.
    expect: { poll: { timeout: 15_000 } },
  },
})
