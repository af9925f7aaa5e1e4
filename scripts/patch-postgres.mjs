#!/usr/bin/env node
// Patches postgres.js 3.4.9 (the latest release) against two defects on a lost connection, both
// found by db/pg-restart.int.test.ts (PostgreSQL stopped mid-burst):
//
// 1. nextWrite() runs from a setImmediate after closed() set `socket = null` (e.g. the ROLLBACK
//    that sql.begin() sends after a query failed on the dead connection) and throws
//    "TypeError: Cannot read properties of null (reading 'write')" as an uncaught exception:
//    it kills the process (porsager/postgres#1154, #1208).
// 2. terminate() and closed() cancel the pending write's immediate without resetting
//    `nextWriteTimer`/`chunk`, so that pooled connection never flushes a write again: after the
//    server is back, every query routed to it (its reconnect's StartupMessage included) hangs
//    until connect_timeout, forever (LanternOps/breeze#3225).
//
// Fix: nextWrite() on a closed connection settles the pending queries with CONNECTION_CLOSED
// instead of throwing; both teardown paths reset the write state. Idempotent; applies to the ESM,
// CJS and Cloudflare builds.  Usage: node scripts/patch-postgres.mjs [package dir] [--check]
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'node_modules/postgres');
const MARK = '/* sunlight: patched write state */';

const edits = [
  {
    from: /  function nextWrite\(fn\) \{\n    const x = socket\.write\(chunk, fn\)/,
    to: `  function nextWrite(fn) {\n    if (!socket) { ${MARK}\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  },
  {
    from: /(  function terminate\(\) \{[\s\S]*?\n    clearImmediate\(nextWriteTimer\))\n/,
    to: `$1\n    chunk = nextWriteTimer = null ${MARK}\n`,
  },
  {
    from: /(  async function closed\(hadError\) \{[\s\S]*?\n    clearImmediate\(nextWriteTimer\))\n/,
    to: `$1\n    chunk = nextWriteTimer = null ${MARK}\n`,
  },
];

let status = 0;
for (const sub of ['src', 'cjs/src', 'cf/src']) {
  const file = path.join(dir, sub, 'connection.js');
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, 'utf8');
  const done = text.split(MARK).length - 1;
  if (done === edits.length) {
    console.log(`${file}: patched`);
    continue;
  }
  if (done !== 0) {
    console.error(`${file}: partly patched (${done}/${edits.length}); reinstall the package`);
    status = 1;
    continue;
  }
  if (check) {
    console.error(`${file}: NOT patched`);
    status = 1;
    continue;
  }
  let out = text;
  for (const e of edits) {
    if (!e.from.test(out)) {
      console.error(`${file}: unexpected source (postgres.js changed?): ${e.from}`);
      status = 1;
      out = null;
      break;
    }
    out = out.replace(e.from, e.to);
  }
  if (out) {
    fs.writeFileSync(file, out);
    console.log(`${file}: patched now`);
  }
}
process.exit(status);
