import { defineConfig } from 'drizzle-kit'

// Migrations are generated from the one pg-core schema and applied by `smm db migrate` and at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/*.ts',
  out: './src/db/migrations',
})
