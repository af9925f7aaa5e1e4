// COPY … FROM STDIN in PostgreSQL's text format for the rows of a SeedRows (seed:scale). The
// rows are the same `$inferInsert` objects drizzle would insert; columns come from drizzle's
// table metadata, and columns no row sets are left to their SQL defaults (as drizzle does).
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';

type Column = ReturnType<typeof getTableColumns>[string];

/** Escapes one field for COPY text format (backslash, tab, newline, carriage return). */
function escapeField(v: string): string {
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

function arrayLiteral(list: readonly unknown[]): string {
  return `{${list.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

function encode(col: Column, v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const type = col.columnType;
  if (type === 'PgJsonb' || type === 'PgJson') return escapeField(JSON.stringify(v));
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeField(arrayLiteral(v));
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  return escapeField(String(v));
}

/** The COPY statement's column list and the text-format body for `rows` of `table`. */
export function copyPayload(table: PgTable, rows: readonly Record<string, unknown>[]): { columns: string[]; chunks: string[] } {
  const all = getTableColumns(table);
  const keys = Object.keys(all).filter((k) => rows.some((r) => r[k] !== undefined));
  for (const k of keys) {
    if (all[k]!.hasDefault && rows.some((r) => r[k] === undefined)) {
      throw new Error(`seed:scale: ${getTableName(table)}.${all[k]!.name} is set on some rows only and has a default`);
    }
  }
  const cols = keys.map((k) => all[k]!);
  const chunks: string[] = [];
  let buf: string[] = [];
  for (const r of rows) {
    buf.push(keys.map((k, i) => encode(cols[i]!, r[k])).join('\t'));
    if (buf.length === 5000) {
      chunks.push(buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) chunks.push(buf.join('\n') + '\n');
  return { columns: cols.map((c) => c.name), chunks };
}

/** COPY the rows into the table on `sql` (a postgres.js connection or transaction). */
export async function copyRows(sql: postgres.Sql | postgres.TransactionSql, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const { columns, chunks } = copyPayload(table, rows);
  const name = getTableName(table);
  const stmt = `copy "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`;
  const writable = await (sql as postgres.Sql).unsafe(stmt).writable();
  await new Promise<void>((resolve, reject) => {
    writable.on('error', reject);
    writable.on('finish', resolve);
    let i = 0;
    const pump = (): void => {
      while (i < chunks.length) {
        if (!writable.write(chunks[i++]!)) {
          writable.once('drain', pump);
          return;
        }
      }
      writable.end();
    };
    pump();
  });
}
