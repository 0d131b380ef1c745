/**
 * Fewer round trips for node-postgres transactions. A round trip to the
 * server wakes both processes, which on a small virtual machine costs more
 * than many statements themselves (bench machine: `select 1` 0.3–0.6 ms at
 * the median, 2–3 ms at p95). Drizzle's transaction sends `begin`, each
 * statement and `commit` on its own; here `begin` waits for the transaction's
 * first statement and goes with it, and a statement marked with `commitWith`
 * takes the `commit` along. A visit is then three round trips instead of
 * five, a due list two instead of four.
 *
 * Combined statements go as one simple-protocol query (the extended protocol
 * takes one statement per message), so their parameters are written into the
 * text as quoted literals: node-postgres' own value conversion and quoting,
 * typed by the context as a parameter is. PGlite runs in the process and has
 * no round trips: `commitWith` does nothing there.
 */
import { createRequire } from 'node:module';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { rows, type DbOrTx } from './sql';

const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(v: unknown): string | Buffer | null };

type QueryConfig = { text: string; values?: unknown[]; name?: string; rowMode?: string; types?: unknown };

/** A value as a SQL literal, as node-postgres would have sent it as a parameter. */
export function literal(v: unknown): string {
  const p = prepareValue(v);
  if (p === null || p === undefined) return 'NULL';
  if (Buffer.isBuffer(p)) return `'\\x${p.toString('hex')}'`;
  return pg.escapeLiteral(String(p));
}

/**
 * `$n` placeholders replaced by the values' literals. Quoted strings (also
 * E'…' with backslash escapes), quoted identifiers, comments and
 * dollar-quoted strings are copied as they are.
 */
export function inlineParams(text: string, values: readonly unknown[]): string {
  let out = '';
  let i = 0;
  const n = text.length;
  const copyUntil = (end: number) => {
    out += text.slice(i, end);
    i = end;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(text[i - 1]!) && (i < 2 || !/[\w$]/.test(text[i - 2]!));
      let j = i + 1;
      while (j < n) {
        if (escapes && text[j] === '\\') j += 2;
        else if (text[j] === "'" && text[j + 1] === "'") j += 2;
        else if (text[j] === "'") break;
        else j++;
      }
      copyUntil(Math.min(j + 1, n));
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && !(text[j] === '"' && text[j + 1] !== '"')) j += text[j] === '"' ? 2 : 1;
      copyUntil(Math.min(j + 1, n));
    } else if (c === '-' && text[i + 1] === '-') {
      const j = text.indexOf('\n', i);
      copyUntil(j < 0 ? n : j);
    } else if (c === '/' && text[i + 1] === '*') {
      const j = text.indexOf('*/', i + 2);
      copyUntil(j < 0 ? n : j + 2);
    } else if (c === '$' && /\d/.test(text[i + 1] ?? '') && (i === 0 || !/[\w$]/.test(text[i - 1]!))) {
      let j = i + 1;
      while (j < n && /\d/.test(text[j]!)) j++;
      const k = Number(text.slice(i + 1, j));
      if (k < 1 || k > values.length) throw new Error(`inlineParams: no value for $${k}`);
      out += literal(values[k - 1]);
      i = j;
    } else if (c === '$' && (i === 0 || !/[\w$]/.test(text[i - 1]!))) {
      const tag = /^\$(?:[A-Za-z_][\w]*)?\$/.exec(text.slice(i));
      if (!tag) {
        copyUntil(i + 1);
        continue;
      }
      const close = text.indexOf(tag[0], i + tag[0].length);
      copyUntil(close < 0 ? n : close + tag[0].length);
    } else {
      copyUntil(i + 1);
    }
  }
  return out;
}

const EMPTY = { rows: [], rowCount: 0, fields: [], command: '' };

/** A statement sent after the next one (sendWithNext), and what becomes of its result. */
interface Follower {
  text: string;
  resolve: (r: pg.QueryResult) => void;
  reject: (e: unknown) => void;
}

function asObjects(r: pg.QueryResult): pg.QueryResult {
  const names = r.fields.map((f) => f.name);
  return { ...r, rows: (r.rows as unknown as unknown[][]).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]]))) };
}

/** A pooled connection in a Drizzle transaction: `begin` deferred, `commit` possibly sent with the last statement. */
export class PipelineClient {
  private beginPending = false;
  private commitNext = false;
  private committed = false;
  private followers: Follower[] = [];
  constructor(readonly client: pg.PoolClient) {}

  /** `text` goes right after the next statement, in its message; its result settles the promise. */
  follow(text: string): Promise<pg.QueryResult> {
    return new Promise((resolve, reject) => this.followers.push({ text, resolve, reject }));
  }

  /** The next statement ends the transaction: `commit` goes with it (set by commitWith). */
  markLast(): void {
    this.commitNext = true;
  }

  async query(config: string | QueryConfig, values?: unknown[]): Promise<unknown> {
    const q: QueryConfig = typeof config === 'string' ? { text: config } : config;
    const text = q.text.trim().toLowerCase();
    if (text === 'begin') {
      this.beginPending = true;
      this.committed = false;
      return EMPTY;
    }
    if (text === 'commit' || text === 'rollback') {
      this.commitNext = false;
      // Nothing sent since `begin` (an empty transaction), or committed with the last statement.
      if (this.beginPending || this.committed) {
        this.beginPending = false;
        this.committed = false;
        return EMPTY;
      }
      return this.client.query(q.text);
    }
    if (this.committed) throw new Error('A statement after the one that committed the transaction (commitWith)');
    const followers = this.followers;
    if (!this.beginPending && !this.commitNext && !followers.length) return this.client.query(q as pg.QueryConfig, values ?? q.values);
    const params = values ?? q.values ?? [];
    const parts = [...(this.beginPending ? ['begin'] : []), inlineParams(q.text, params), ...followers.map((f) => f.text), ...(this.commitNext ? ['commit'] : [])];
    const index = this.beginPending ? 1 : 0;
    const last = this.commitNext;
    this.beginPending = false;
    this.commitNext = false;
    this.followers = [];
    const { name: _name, values: _values, ...rest } = q;
    let results: pg.QueryResult[];
    try {
      // Newlines: a statement may end in a `--` comment.
      results = (await this.client.query({ ...rest, text: parts.join(';\n') } as pg.QueryConfig)) as unknown as pg.QueryResult[];
    } catch (e) {
      for (const f of followers) f.reject(e);
      throw e;
    }
    if (last) this.committed = true;
    // The message's row mode is the statement's own (Drizzle's builders ask for arrays): a follower's rows are made objects again.
    followers.forEach((f, k) => f.resolve(q.rowMode === 'array' ? asObjects(results[index + 1 + k]!) : results[index + 1 + k]!));
    return results[index];
  }

  release(err?: Error | boolean): void {
    this.client.release(err);
  }
}

/** The pool Drizzle is given (its name says Pool: Drizzle then takes a connection per transaction). */
export class PipelinePool {
  constructor(readonly pool: pg.Pool) {}

  async connect(): Promise<PipelineClient> {
    return new PipelineClient(await this.pool.connect());
  }

  query(config: string | QueryConfig, values?: unknown[]): Promise<unknown> {
    return this.pool.query(config as pg.QueryConfig, values);
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * Sends `follow` right after the transaction's next statement, in the same
 * round trip, and gives its rows (as `rows()` would) when asked. PostgreSQL
 * runs the statements of one message one after the other, each with its own
 * snapshot (read committed): `follow` sees everything committed before the
 * statement ahead of it finished — after the lock that statement took, say.
 * On PGlite (no round trips) `follow` runs when its rows are asked for.
 * Ask only after the next statement was sent; if it fails, so does asking.
 */
export function sendWithNext<T>(tx: DbOrTx, follow: SQL): () => Promise<T[]> {
  const client = (tx as { session?: { client?: unknown } }).session?.client;
  if (!(client instanceof PipelineClient)) return () => rows<T>(tx, follow);
  const q = (tx as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(follow);
  const result = client.follow(inlineParams(q.sql, q.params));
  // Settled when the next statement's answer comes; not asked for when the caller failed in between.
  result.catch(() => {});
  return async () => (await result).rows as T[];
}

/**
 * Marks the transaction's next statement as its last: on node-postgres the
 * `commit` goes with it (one round trip less). Nothing may be sent in the
 * transaction after it; an error thrown later in the callback no longer
 * rolls it back.
 */
export function commitWith(tx: unknown): void {
  const client = (tx as { session?: { client?: unknown } }).session?.client;
  if (client instanceof PipelineClient) client.markLast();
}
