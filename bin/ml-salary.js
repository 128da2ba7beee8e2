#!/usr/bin/env node
'use strict';
// Runs dist/cli.cjs with a V8 code cache (what Node 22's module.enableCompileCache does): see
// "bin/ml-salary.js" in scripts/build.mjs. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
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
    if (bytes.toString('latin1', 0, end) === cache.key) cachedData = bytes.subarray(end + 1);
  } catch {
    // no cache yet
  }
}
// Node's CommonJS wrapper, on line 1 so that stack traces keep their line numbers.
const script = new vm.Script(
  `(function (exports, require, module, __filename, __dirname) { ${source}\n})`,
  { filename: file, cachedData },
);
if (cache && (!cachedData || script.cachedDataRejected)) {
  process.once('exit', () => {
    const temp = `${cache.path}.${process.pid}.tmp`;
    try {
      const head = Buffer.from(`${cache.key}\n`, 'latin1');
      fs.writeFileSync(temp, Buffer.concat([head, script.createCachedData()]), { mode: 0o600 });
      fs.renameSync(temp, cache.path);
    } catch {
      fs.rmSync(temp, { force: true });
    }
  });
}
const mod = { exports: {} };
const load = (id) => require(id.startsWith('.') ? path.resolve(dir, id) : id);
script.runInThisContext()(mod.exports, load, mod, file, dir);

/** This copy's cache file in <tmp>/ml-salary-<uid>/ and its key; undefined if not safe. */
function cacheFile() {
  try {
    const uid = process.getuid?.();
    const tmp =
      process.platform === 'win32'
        ? require('node:os').tmpdir()
        : path.isAbsolute(process.env.TMPDIR || '') // a relative TMPDIR would write into the cwd
          ? process.env.TMPDIR.replace(/(.)\/$/, '$1')
          : '/tmp';
    const folder = path.join(tmp, `ml-salary-${uid ?? 'user'}`);
    try {
      const st = fs.lstatSync(folder);
      // Only our own folder that nobody else can write: else others could plant code.
      if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || st.mode & 0o022))) return;
    } catch {
      fs.mkdirSync(folder, { mode: 0o700 });
    }
    const st = fs.statSync(file);
    let h = 0x811c9dc5; // FNV-1a of the bundle's path: one cache file per installed copy
    for (const c of file) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
    return {
      path: path.join(folder, `cli-${(h >>> 0).toString(16).padStart(8, '0')}.bin`),
      key: `${process.version} ${process.arch} ${st.size} ${st.mtimeMs} ${st.ino}`,
    };
  } catch {
    return undefined;
  }
}
