import tseslint from 'typescript-eslint'

// Layers import downward only: web → services → domain/db. The domain is pure: no I/O, no framework.
// Import cycles are found by dependency-cruiser (.dependency-cruiser.cjs), also part of `npm run lint`.
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })
const NO_IO = ['node:*', 'hono', 'hono/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', 'pg-boss', '@electric-sql/*', 'nodemailer', 'pino']

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'scratch/', 'src/db/migrations/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  layer(['src/domain/**'], [
    { group: NO_IO, message: 'The domain is pure TypeScript: no I/O or framework imports.' },
    { group: ['**/db/*', '**/services/*', '**/web/*', '**/jobs/*', '**/mail/*', '**/cli/*'], message: 'The domain imports nothing above it.' },
  ]),
  layer(['src/db/**'], [{ group: ['**/services/*', '**/web/*', '**/jobs/*', '**/cli/*'], message: 'db is below services and web.' }]),
  layer(['src/services/**'], [{ group: ['**/web/*', '**/jobs/*', '**/cli/*', 'hono', 'hono/*'], message: 'Services know nothing of HTTP, jobs or the CLI.' }]),
  layer(['src/web/**'], [
    { group: ['**/db/queries/*', '**/db/schema/*', 'drizzle-orm', 'drizzle-orm/*', '**/jobs/*'], message: 'Routes and views call services; they never touch the database.' },
  ]),
  layer(['src/mail/**'], [{ group: ['**/services/*', '**/web/*', '**/db/*'], message: 'mail renders and sends; it does not decide.' }]),
)
