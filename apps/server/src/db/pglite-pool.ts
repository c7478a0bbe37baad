import type { PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/**
 * Presents an embedded PGlite database to Kysely's PostgreSQL dialect as a pool of one
 * connection. PGlite is a single session, so a transaction must own it until it finishes:
 * callers wait in line for the one client, which keeps one dialect for both databases.
 */
export class PGlitePool implements PostgresPool {
  private queue: (() => void)[] = [];
  private busy = false;
  private readonly client: PostgresPoolClient;

  constructor(private readonly pglite: PGlite) {
    this.client = {
      query: async <R>(sqlText: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> => {
        const result = await this.pglite.query<R>(sqlText, [...parameters]);
        const command = /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase() ?? "SELECT";
        return {
          command: command as PostgresQueryResult<R>["command"],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release: () => {
        this.releaseClient();
      },
    } as PostgresPoolClient;
  }

  /** Waits for the single connection, then hands it out. */
  async connect(): Promise<PostgresPoolClient> {
    if (this.busy) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.busy = true;
    return this.client;
  }

  private releaseClient(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.busy = false;
  }

  async end(): Promise<void> {
    await this.pglite.close();
  }
}
