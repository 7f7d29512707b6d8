import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type PgPool } from '../../src/postgres/index.js';
import { schemaSnapshot } from './schema-snapshot.js';

const ALL_IDS = MIGRATIONS.map((migration) => migration.id);

/** What every engine must show of the migration runner; `emptyDatabase` gives a new, empty one per call. */
export function runMigrationChecks(engine: string, emptyDatabase: () => Promise<PgPool>): void {
  describe(`migrations on ${engine}`, () => {
    it('applies every migration on an empty database, in order', async () => {
      const pool = await emptyDatabase();
      expect(await migrate(pool)).toEqual(ALL_IDS);
    });

    it('is a no-op the second time: nothing applied, same schema', async () => {
      const pool = await emptyDatabase();
      await migrate(pool);
      const before = await schemaSnapshot(pool);
      expect(await migrate(pool)).toEqual([]);
      expect(await schemaSnapshot(pool)).toEqual(before);
    });

    it('applies each migration once when several processes migrate at the same time', async () => {
      const pool = await emptyDatabase();
      const runs = await Promise.all([migrate(pool), migrate(pool), migrate(pool)]);
      expect(runs.flat().sort((a, b) => a - b)).toEqual(ALL_IDS);
      const recorded = await pool.query<{ id: number }>('select id from schema_migrations');
      expect(recorded.rows.map((row) => Number(row.id)).sort((a, b) => a - b)).toEqual(ALL_IDS);
    });

    it('runs only the migrations a database has not seen yet', async () => {
      const pool = await emptyDatabase();
      const [first, ...later] = MIGRATIONS;
      if (first === undefined) throw new Error('no migrations');
      expect(await migrate(pool, [first])).toEqual([first.id]);
      expect(await migrate(pool)).toEqual(later.map((migration) => migration.id));
    });
  });
}
