import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/** The one thing the event store needs from a connection. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<R>>;
}

/** A transaction: raw SQL for the event store, TypeORM's manager for read models. */
export class Tx implements Sql {
  constructor(private readonly runner: QueryRunner) {}

  get manager(): EntityManager {
    return this.runner.manager;
  }

  async query<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<SqlResult<R>> {
    const result = await this.runner.query(text, params, true);
    const rows = (result.records ?? []) as R[];
    return { rows, rowCount: typeof result.affected === 'number' ? result.affected : rows.length };
  }
}

/** Thin wrapper over a TypeORM DataSource so that all SQL of a service shares one pool. */
export class Db implements Sql {
  private readonly commitListeners = new Set<() => void>();

  constructor(readonly dataSource: DataSource) {}

  /** Called after every commit made through this Db, e.g. to wake the outbox relay without waiting for a poll. */
  onCommit(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction(); // PostgreSQL's default, READ COMMITTED, is what the event store needs
    try {
      const result = await work(new Tx(runner));
      await runner.commitTransaction();
      for (const listener of this.commitListeners) listener();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** A dedicated connection, e.g. to hold a session-level advisory lock. */
  async withConnection<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await work(new Tx(runner));
    } finally {
      await runner.release();
    }
  }

  async query<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<SqlResult<R>> {
    return this.withConnection((tx) => tx.query<R>(text, params));
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names are interpolated into SQL, so they are checked once, here. */
export function checkSchemaName(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}
