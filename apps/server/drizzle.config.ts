import { defineConfig } from 'drizzle-kit';

// Every table lives in a schema.ts beside the code that owns it; one migration history for PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/*/schema.ts', './src/domains/*/schema.ts'],
  out: './drizzle',
});
