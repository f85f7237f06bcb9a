export { type MigrateOptions, migrate } from "./migrate.js";
export {
  createPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
} from "./postgres-store.js";
export {
  POSTGRES_STORE_MIGRATION,
  postgresStoreMigration,
  postgresStoreSweepSql,
} from "./schema.js";
