#!/usr/bin/env node
'use strict';
// Starts dist/cli.cjs, the CLI in one CommonJS file, with a V8 code cache. Most of a scripted
// run's own time (about 13 of 14 ms) is V8 parsing and compiling the bundle's code as it first
// runs; a cache made at the end of a run holds that compiled code, and the next run starts in
// about half the time. This is what Node 22's module.enableCompileCache() does, for Node 20.
//
// The cache is one file per installed copy, in a folder of the temp directory that only this
// user can write (checked before each use, else no cache): `<tmp>/ml-salary-<uid>/`. It is
// (re)written at exit when missing or stale: keyed by the bundle's size, mtime and inode and the
// Node version; V8 itself also refuses a cache made by another V8 version or other V8 flags.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's own compile cache.
/* global __dirname */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const dir = path.join(__dirname, '..', 'dist');
const file = path.join(dir, 'cli.cjs');
const source = fs.readFileSync(file, 'utf8');
const cache = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFile();

let cachedData;
if (cache) {
  try {
    const bytes = fs.readFileSync(cache.path);
    const end = bytes.indexOf(10);
    if (end > 0 && bytes.toString('latin1', 0, end) === cache.key) {
      cachedData = bytes.subarray(end + 1);
    }
  } catch {
    // no cache yet
  }
}

// The same wrapper as Node's own for a CommonJS file, on the first line (stack traces keep their
// line numbers). The bundle loads dist/lazy/ with require() (of ES modules), never import(): a
// script compiled with vm cannot use import() (Node 20 needs an experimental flag for that).
const script = new vm.Script(
  `(function (exports, require, module, __filename, __dirname) { ${source}\n})`,
  { filename: file, cachedData },
);
if (cache && (cachedData === undefined || script.cachedDataRejected)) {
  process.once('exit', () => writeCache(cache, script));
}
const lazyRequire = (id) => require(id.startsWith('.') ? path.resolve(dir, id) : id);
const mod = { exports: {} };
script.runInThisContext()(mod.exports, lazyRequire, mod, file, dir);

/** Where this copy's cache lives and the key it must carry; undefined when unsafe or unknown. */
function cacheFile() {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const folder = path.join(tmpdir(), `ml-salary-${uid ?? 'user'}`);
    try {
      const st = fs.lstatSync(folder);
      // Only a folder of ours that nobody else can write: else another user could plant code.
      if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) {
        return undefined;
      }
    } catch {
      fs.mkdirSync(folder, { mode: 0o700 });
    }
    const st = fs.statSync(file);
    const key = `ml-salary-v8-cache ${process.version} ${process.arch} ${st.size} ${st.mtimeMs} ${st.ino}`;
    return { path: path.join(folder, `cli-${hash(file)}.bin`), key };
  } catch {
    return undefined;
  }
}

/** os.tmpdir() without loading os (which costs more than everything else here). */
function tmpdir() {
  if (process.platform === 'win32') return require('node:os').tmpdir();
  const t = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  return t.length > 1 && t.endsWith('/') ? t.slice(0, -1) : t;
}

/** FNV-1a of the bundle's path: one cache file per installed copy. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Written next to its final name and renamed over it: a run reading it never sees half. */
function writeCache(target, compiled) {
  const temp = `${target.path}.${process.pid}.tmp`;
  try {
    const data = compiled.createCachedData();
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${target.key}\n`, 'latin1'), data]), {
      mode: 0o600,
    });
    fs.renameSync(temp, target.path);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}
