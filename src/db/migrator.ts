/**
 * Applies drizzle-kit's SQL migrations from the migrations folder (see `migrationsDir` in config;
 * the compiled binary extracts its embedded copy before calling this).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/bun-sqlite/migrator';
import { assetPath } from '../paths';
import type { Db } from './client';

/** Where migrations live (repository folder, or the executable's embedded copy). */
export const SOURCE_MIGRATIONS_DIR = assetPath('migrations');

/** Brings the schema up to date. Safe to call on every start. */
export function runMigrations(db: Db, folder = SOURCE_MIGRATIONS_DIR): void {
  migrate(db, { migrationsFolder: folder });
}

/** Number of migrations in the folder's journal, compared with applied ones by `/readyz`. */
export function expectedMigrationCount(folder = SOURCE_MIGRATIONS_DIR): number {
  return JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')).entries.length;
}

/** Number of migrations recorded as applied in the database. */
export function appliedMigrationCount(db: Db): number {
  const row = db.$client.query('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number } | null;
  return row?.n ?? 0;
}
