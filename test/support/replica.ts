/**
 * A D1 binding with one read replica that lags behind, built from two real D1 databases: the
 * primary and a copy that is refreshed only by `catchUp()`. Read replicas cannot run locally, so
 * this follows what D1 documents for them: a write goes to the primary; a read goes to the
 * replica unless the session's bookmark is newer than the replica, and then to the primary (the
 * only instance that has caught up). Bookmarks are the primary's own, compared as D1's are (as
 * strings of fixed-width hex).
 */
export interface LaggingReplica {
  binding: D1Database;
  /** Copies the primary into the replica: the replica is now as new as the primary. */
  catchUp(): Promise<void>;
}

const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter)\b/i;

interface Recorded {
  sql: string;
  params: unknown[];
}

export async function laggingReplica(primary: D1Database, replica: D1Database): Promise<LaggingReplica> {
  let replicaBookmark = "";

  const later = (a: string | null, b: string | null) => ((a ?? "") > (b ?? "") ? a : b);

  class SimulatedStatement implements Recorded {
    readonly session: SimulatedSession;
    readonly sql: string;
    readonly params: unknown[];
    constructor(session: SimulatedSession, sql: string, params: unknown[] = []) {
      this.session = session;
      this.sql = sql;
      this.params = params;
    }
    bind(...params: unknown[]) {
      return new SimulatedStatement(this.session, this.sql, params);
    }
    all() {
      return this.session.execute(this, (s) => s.all());
    }
    run() {
      return this.session.execute(this, (s) => s.run());
    }
    raw(options?: { columnNames?: boolean }) {
      return this.session.execute(this, (s) => s.raw(options as { columnNames?: false }));
    }
    first(column?: string) {
      return this.session.execute(this, (s) => (column === undefined ? s.first() : s.first(column)));
    }
  }

  class SimulatedSession {
    private bookmark: string | null;
    constructor(bookmark: string | null) {
      this.bookmark = bookmark;
    }
    prepare(sql: string) {
      return new SimulatedStatement(this, sql);
    }
    getBookmark() {
      return this.bookmark;
    }
    /** Where D1 would send these statements, given this session's bookmark. */
    private target(statements: Recorded[]): D1Database | D1DatabaseSession {
      const write = statements.some((s) => WRITE.test(s.sql));
      if (write || (this.bookmark ?? "") > replicaBookmark) return primary.withSession(this.bookmark ?? "first-primary");
      return replica;
    }
    private settle(target: D1Database | D1DatabaseSession) {
      this.bookmark = later(this.bookmark, target === replica ? replicaBookmark : (target as D1DatabaseSession).getBookmark());
    }
    async execute<T>(statement: Recorded, run: (s: D1PreparedStatement) => Promise<T>): Promise<T> {
      const target = this.target([statement]);
      const result = await run(target.prepare(statement.sql).bind(...statement.params));
      this.settle(target);
      return result;
    }
    async batch(statements: Recorded[]) {
      const target = this.target(statements);
      const results = await target.batch(statements.map((s) => target.prepare(s.sql).bind(...s.params)));
      this.settle(target);
      return results;
    }
  }

  const binding = {
    withSession: (start?: string) => new SimulatedSession(start === undefined || start.startsWith("first-") ? null : start),
    prepare: (sql: string) => primary.prepare(sql),
    batch: (statements: D1PreparedStatement[]) => primary.batch(statements),
  } as unknown as D1Database;

  async function catchUp() {
    const tables = await primary
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'")
      .all<{ name: string }>();
    const statements = [replica.prepare("PRAGMA defer_foreign_keys = on")];
    for (const { name } of tables.results) {
      statements.push(replica.prepare(`DELETE FROM "${name}"`));
      const rows = await primary.prepare(`SELECT * FROM "${name}"`).all<Record<string, unknown>>();
      for (const row of rows.results) {
        const columns = Object.keys(row);
        statements.push(
          replica
            .prepare(`INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`)
            .bind(...Object.values(row)),
        );
      }
    }
    await replica.batch(statements);
    const marker = primary.withSession("first-primary");
    await marker.prepare("SELECT 1").all();
    replicaBookmark = marker.getBookmark() ?? "";
  }

  return { binding, catchUp };
}
