/** The PostgreSQL server of the warehouse tests: see scripts/postgres-server.mjs. */
export { findPostgresBin, freePort, startPostgres } from '../../scripts/postgres-server.mjs';
export type { TestPostgres } from '../../scripts/postgres-server.mjs';
