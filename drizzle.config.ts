import { defineConfig } from 'drizzle-kit';

/** drizzle-kit settings: schema files per domain, SQL migrations embedded in the binary. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/index.ts',
  out: './migrations',
});
