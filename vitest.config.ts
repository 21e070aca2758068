import { defineConfig } from 'vitest/config'

// Unit tests sit beside the code (src/**/*.test.ts); integration tests run the real app on a fresh database
// (test/integration). TEST_DATABASE_URL switches every database test from PGlite to that PostgreSQL server.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/fail-on-console-error.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
})
