/** A throw-away PostgreSQL cluster on a free loopback port (see postgres-server.mjs). */
export interface TestPostgres {
  /** postgres://goals:PASSWORD@127.0.0.1:PORT/goals */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Runs SQL as the `goals` user (psql over TCP), for fixtures: the tables it creates are that user's own. */
  sql(text: string): string;
  /** psql's own path, for benchmarks that use it. */
  psql: string;
  stop(): void;
}

/** The newest PostgreSQL server binaries on this machine, if any. */
export function findPostgresBin(): string | undefined;
/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number>;
export function startPostgres(): Promise<TestPostgres>;
