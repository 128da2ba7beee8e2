#!/usr/bin/env node
'use strict';
// Runs dist/cli.cjs with a checked V8 code cache: see "bin/ml-salary.js" in scripts/build.mjs.
/* global __dirname */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const dir = path.join(__dirname, '..', 'dist');
const file = path.join(dir, 'cli.cjs');
const source = fs.readFileSync(file, 'utf8');
const cache = process.env.NODE_DISABLE_COMPILE_CACHE === undefined ? cacheFile() : undefined;
const cachedData = cache && read(cache);
// Node's CommonJS wrapper, on line 1 so that stack traces keep their line numbers.
const script = new vm.Script(
  `(function (exports, require, module, __filename, __dirname) { ${source}\n})`,
  { filename: file, cachedData },
);
if (cache && (!cachedData || script.cachedDataRejected)) {
  process.once('exit', () => write(cache, script));
}
const mod = { exports: {} };
const load = (id) => require(id.startsWith('.') ? path.resolve(dir, id) : id);
script.runInThisContext()(mod.exports, load, mod, file, dir);

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
    const at = source.lastIndexOf('\n// ml-salary-build ');
    const build = at > 0 && source.slice(at + 20, -1);
    const st = fs.statSync(file);
    const { version, arch, execArgv, env } = process;
    const node = JSON.stringify([version, arch, execArgv, env.NODE_OPTIONS ?? null]);
    const copy = `cli-${fnv(file)}`;
    return (
      build && {
        folder,
        copy,
        path: path.join(folder, `${copy}-${fnv(node)}.bin`),
        key: Buffer.from(
          `ml-salary code cache 2\n${build} ${st.size} ${st.ino} ${st.ctimeMs}\n${node}\n`,
        ),
      }
    );
  } catch {
    return undefined;
  }
}

function fnv(text) {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function read(c) {
  let fd;
  try {
    const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = fs.constants;
    fd = fs.openSync(c.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    const st = fs.fstatSync(fd);
    const k = c.key.length + 4;
    const n = (st.size - k) / 2;
    if (!st.isFile() || n < 1 || st.size > 16 * source.length) return undefined;
    // Two buffers, each below malloc's mmap threshold (see scripts/build.mjs).
    const head = Buffer.allocUnsafe(k + n);
    if (fs.readSync(fd, head, 0, k + n, 0) !== k + n || !head.subarray(0, k - 4).equals(c.key)) {
      return undefined;
    }
    const data = Buffer.allocUnsafe(n);
    if (head.readUInt32LE(k - 4) !== n || fs.readSync(fd, data, 0, n, k + n) !== n)
      return undefined;
    return data.equals(head.subarray(k)) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function write(c, script) {
  const temp = `${c.path}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    const n = Buffer.alloc(4);
    n.writeUInt32LE(data.length);
    fs.writeFileSync(temp, Buffer.concat([c.key, n, data, data]), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, c.path);
    const mine = [];
    for (const name of fs.readdirSync(c.folder)) {
      const p = path.join(c.folder, name);
      const st = fs.lstatSync(p, { throwIfNoEntry: false });
      if (!st?.isFile() || p === c.path) continue;
      if (name.endsWith('.tmp') ? Date.now() - st.mtimeMs > 6e4 : name === `${c.copy}.bin`) {
        fs.rmSync(p, { force: true });
      } else if (name.startsWith(`${c.copy}-`) && name.endsWith('.bin')) {
        mine.push([st.mtimeMs, p]);
      }
    }
    for (const [, p] of mine.sort((a, b) => b[0] - a[0]).slice(3)) fs.rmSync(p, { force: true });
  } catch {
    try {
      fs.unlinkSync(temp);
    } catch {
      // renamed
    }
  }
}
