// Builds dist/, everything the published package runs (`npm run build`; also on `npm ci`):
//
//   dist/cli.cjs     the executable: ONE CommonJS file that loads no other file on a scripted
//                    run (`--json`, `batch`), started by bin/ml-salary.js. CommonJS because V8 compiles a script lazily (an ES module
//                    is compiled whole first) and a script can be compiled with a code cache.
//                    Node builtins are fetched with process.getBuiltinModule; child_process only
//                    when first used (commander requires it at load for external subcommands,
//                    which we never run; loading it costs about 3 ms), and likewise
//                    net (batch, for FIFOs) and tty (tables, lists).
//   dist/lazy/       what only a terminal session needs: the prompts (@inquirer/* with their plain
//                    theme, src/prompt-kit.ts), the table
//                    (cli-table3) and its colours (chalk). ES modules, which src/ loads with
//                    import() and cli.cjs with require() (of ES modules: Node >= 20.19). Only
//                    stateless modules may be bundled both here and in cli.cjs (checked below): a
//                    stateful one would exist twice (two CliError classes, two caches).
//   dist/index.js    the library API (`import { estimate } from 'ml-salary'`), one ESM file,
//                    without commander or the prompts, reading data/market.json;
//                    dist/types/ holds its declarations.
//   dist/THIRD_PARTY_LICENSES.md   name, version and licence of every bundled package.
//
// bin/ml-salary.js (not built) runs dist/cli.cjs with a V8 code cache: most of a scripted run's
// own time is V8 parsing and compiling the code it runs for the first time, and a cache made at
// the end of a run holds all that compiled code (every function the run called). Node's own
// module.enableCompileCache() (Node >= 22.8) is not used: it stores the cache made just after
// compiling, before the lazily compiled functions exist (23 kB for cli.cjs against 129 kB), and
// on Node 22.23 it saved 1-4 ms of a JSON run where this cache saves 12-16 ms.
//
// V8 does not check the content of a cache it is given (a flipped bit made runs crash, hang or
// print wrong figures), so the shim checks it before V8 sees it. The file holds
//   "ml-salary code cache 2\n" key "\n", the data's length (4 bytes), the data, the data again
// with the key made of the bundle's SHA-256 (its last line, see withBuildId below), its size,
// inode and ctime (a file changed since), Node's version and arch, process.execArgv and
// NODE_OPTIONS (the flags; V8 itself also refuses data of another V8 version or flag set, and
// once both copies agree its header can be trusted). It is used only if the key matches, the
// length fits the file's size and both copies are the same byte for byte (a memcmp). That
// catches for certain any damage confined to one copy (any number of flipped bits, a garbled
// stretch shorter than the data, a truncation, bytes appended); only the same change made to
// both copies would pass. Reading the second copy and comparing adds about 0.5 ms to a run; a
// checksum costs far more at start-up, where its code is cold: loading node:crypto and a SHA-256
// of the data 8 ms, node:zlib and its crc32 4 ms, a CRC-32 in JS 6 ms, against the 12 ms the
// cache saves (all on the 2-core development machine while busy, bare node taking 135 ms);
// process.binding('zlib').crc32 takes 0.2 ms but is a deprecated internal that prints a warning
// under --pending-deprecation.
// The file is opened without following a symlink or waiting on a FIFO, and read only if it is a
// regular file of a plausible size, in two reads into two buffers: each stays under glibc's
// 128 kB mmap threshold for a typical cache, and a fresh mmap's page faults cost Node 20 here
// 0.4 ms; the data's own buffer is also aligned, so V8 does not copy it. Whatever fails a check
// is ignored without a message (a normal compile), and at exit a good file is written under a
// temp name and renamed over it.
//
// The files are in <tmp>/ml-salary-<uid>/, a folder only this user can write (checked before
// every use, else no cache; a relative TMPDIR is not used): one per installed copy (FNV-1a of
// the bundle's path), Node version and flag set (FNV-1a of those), so runs that alternate Node
// versions or flags do not rewrite each other's file. Only when it writes a file does the shim
// prune: the copy keeps its four newest files; its file of the unchecked format before
// (cli-<copy>.bin) and temp files over a minute old go. NODE_DISABLE_COMPILE_CACHE set to any
// value, even empty, turns the cache off, as Node's own (Environment::EnableCompileCache only
// asks whether the variable exists).
//
// The script is compiled with vm.Script, where import() does not work without an experimental flag:
// so cli.cjs loads dist/lazy/ with require() (see requireLazy below).
//
// Files are written next to their final name and renamed over it, so a test run or benchmark
// that builds at the same moment as another never sees a half-written or missing dist/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { renameSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeValidators } from './validators.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Loaded with import() (require() once bundled) from cli.cjs: name in dist/lazy/ -> module. */
const LAZY = {
  paint: 'src/paint.ts',
  report: 'src/render/report.ts',
  'offer-report': 'src/render/offer.ts',
  'compare-report': 'src/render/compare.ts',
  'prompt-kit': 'src/prompt-kit.ts',
  // The market file's schema check (ajv's standalone code), only for --data.
  'validate-market': 'src/generated/validate-market.js',
};
/** Source modules that may be bundled into both cli.cjs and dist/lazy/: pure functions only. */
const SHARED_OK = new Set([
  'src/format.ts',
  'src/render/text.ts',
  'src/types.ts',
  'src/percentile.ts',
]);
/**
 * Builtins fetched on first use rather than at start-up. The CLI also defers tty (isatty, only
 * asked for a table or a list) and net (batch reads a FIFO or a socket given as a path with it).
 * The lazy bundles keep `stream` as is: mute-stream extends the module itself.
 */
const LAZY_BUILTINS = ['child_process', 'fs/promises'];
const CLI_LAZY_BUILTINS = [...LAZY_BUILTINS, 'tty', 'net'];

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Fully minified for the tarball's size (<= 100 kB; renaming saves ~10 kB compressed). Start-up
  // time measured the same with and without renaming.
  minify: true,
  legalComments: 'none', // the notices go to THIRD_PARTY_LICENSES.md instead
  logLevel: 'warning',
  metafile: true,
  write: false,
  absWorkingDir: ROOT,
};

/**
 * Node builtins, for bundled CommonJS (`require('node:fs')`) and ESM alike, become
 * `process.getBuiltinModule(...)`: no createRequire banner, no ESM resolution at start-up.
 */
const builtinsPlugin = (lazyBuiltins = LAZY_BUILTINS) => ({
  name: 'builtins',
  setup(b) {
    const builtins = new Set(builtinModules);
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const id = args.path.replace(/^node:/, '');
      if (!builtins.has(id)) return undefined;
      return { path: id, namespace: 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, async (args) => {
      const id = `node:${args.path}`;
      if (!lazyBuiltins.includes(args.path)) {
        return { contents: `module.exports = process.getBuiltinModule(${JSON.stringify(id)});` };
      }
      // One getter per export, made from a list of names (stream alone has about 60).
      const keys = Object.keys(await import(id)).filter((k) => k !== 'default');
      return {
        contents: [
          `let m;`,
          `const load = () => (m ??= process.getBuiltinModule(${JSON.stringify(id)}));`,
          `for (const k of ${JSON.stringify(keys.join(' '))}.split(' '))`,
          `  Object.defineProperty(exports, k, { get: () => load()[k], enumerable: true });`,
        ].join('\n'),
      };
    });
  },
});

/** `import()` of a module built into dist/lazy/ stays an import of that file. */
const lazyPlugin = {
  name: 'lazy',
  setup(b) {
    const byTarget = new Map(
      Object.entries(LAZY).map(([name, mod]) => [
        mod.startsWith('src/') ? join(ROOT, mod) : mod,
        name,
      ]),
    );
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const at = (path) =>
        args.path.startsWith('.') ? resolve(dirname(args.importer), path) : path;
      // `./x.js` in a TypeScript source names x.ts, or a JavaScript file (the generated one).
      const name =
        byTarget.get(at(args.path.replace(/\.js$/, '.ts'))) ?? byTarget.get(at(args.path));
      return name ? { path: `./lazy/${name}.js`, external: true } : undefined;
    });
  },
};

/** package.json is imported for its version only: bundle just that, not the whole manifest. */
const versionPlugin = {
  name: 'version',
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, (args) => {
      if (args.path !== join(ROOT, 'package.json')) return undefined;
      return { contents: JSON.stringify({ version: pkg.version }), loader: 'json' };
    });
  },
};

/**
 * The library reads the market data from data/market.json, which the package ships anyway,
 * instead of carrying a second copy, as the CLI does. Keeps the tarball under 100 kB.
 */
const marketFilePlugin = {
  name: 'market-file',
  setup(b) {
    b.onResolve({ filter: /[\\/]data[\\/]market\.json$/ }, () => ({
      path: 'market.json',
      namespace: 'market-file',
    }));
    b.onLoad({ filter: /.*/, namespace: 'market-file' }, () => ({
      contents: `export default process.getBuiltinModule('node:module').createRequire(import.meta.url)('../data/market.json');`,
      loader: 'js',
    }));
  },
};

/**
 * The CLI, too, reads its data files from data/ when the module that imports one first runs
 * (market.json at start-up; the tax tables only for --take-home): one readFileSync and a
 * JSON.parse, as fast as parsing an embedded string, and no second copy in the tarball.
 * __dirname is dist/, also under the code-cache shim (bin/ml-salary.js).
 */
const dataReadPlugin = {
  name: 'data-read',
  setup(b) {
    b.onLoad({ filter: /[\\/]data[\\/][\w-]+\.json$/ }, (args) => ({
      contents: `export default JSON.parse(process.getBuiltinModule('node:fs').readFileSync(process.getBuiltinModule('node:path').join(__dirname, '..', 'data', ${JSON.stringify(args.path.split(/[\\/]/).pop())}), 'utf8'));`,
      loader: 'js',
    }));
  },
};

// The market file's validator, compiled from its schema (see scripts/validators.mjs).
writeValidators();

const [cli, lib, lazy] = await Promise.all([
  build({
    ...common,
    format: 'cjs',
    entryPoints: { cli: 'src/cli.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    plugins: [builtinsPlugin(CLI_LAZY_BUILTINS), lazyPlugin, versionPlugin, dataReadPlugin],
  }),
  build({
    ...common,
    entryPoints: { index: 'src/index.ts' },
    outdir: 'dist',
    plugins: [builtinsPlugin(), versionPlugin, marketFilePlugin],
  }),
  build({
    ...common,
    entryPoints: LAZY,
    outdir: 'dist/lazy',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    plugins: [builtinsPlugin()],
  }),
]);

const sourcesOf = (result) =>
  new Set(Object.keys(result.metafile.inputs).filter((p) => p.startsWith('src/')));
const inCli = sourcesOf(cli);
const twice = [...sourcesOf(lazy)].filter((p) => inCli.has(p) && !SHARED_OK.has(p));
if (twice.length > 0) {
  throw new Error(
    `scripts/build.mjs: ${twice.join(', ')} would be bundled into both dist/cli.cjs and dist/lazy/; ` +
      'import it statically from the lazy module only, or list it in SHARED_OK if it is stateless',
  );
}

const files = new Map();
for (const result of [lazy, cli, lib]) {
  for (const out of result.outputFiles) files.set(relative(DIST, out.path), out.contents);
}
files.set('cli.cjs', withBuildId(requireLazy(files.get('cli.cjs'))));
files.set('THIRD_PARTY_LICENSES.md', licenses([cli, lib, lazy]));
for (const [name, text] of declarations()) files.set(join('types', name), text);
publish(files);

/**
 * In cli.cjs, `import("./lazy/x.js")` becomes `Promise.resolve().then(() => require(...))`:
 * bin/ml-salary.js compiles cli.cjs with vm.Script (for its code cache), where import() throws
 * without an experimental flag; require() of these ES modules (Node >= 20.19) returns the same
 * namespace. (esbuild's own `supported: { 'dynamic-import': false }` wraps it in a helper that
 * makes `default` the whole namespace.)
 */
function requireLazy(contents) {
  const text = Buffer.from(contents).toString('utf8');
  const out = text.replace(
    /\bimport\(("\.\/lazy\/[\w-]+\.js")\)/g,
    'Promise.resolve().then(()=>require($1))',
  );
  if (out === text || /\bimport\(/.test(out)) {
    throw new Error('scripts/build.mjs: dist/cli.cjs has an import() that is not of dist/lazy/');
  }
  return Buffer.from(out);
}

/**
 * cli.cjs ends with `// ml-salary-build <SHA-256 of everything before that line>`: part of the
 * code cache's key in bin/ml-salary.js, so that a cache is only used with the bundle that made it.
 */
function withBuildId(contents) {
  const text = Buffer.from(contents).toString('utf8').replace(/\n?$/, '\n');
  const hash = createHash('sha256').update(text).digest('hex');
  return Buffer.from(`${text}// ml-salary-build ${hash}\n`);
}

/** name@version, licence and notice text of every package the bundles contain. */
function licenses(results) {
  const dirs = new Set();
  for (const r of results) {
    for (const input of Object.keys(r.metafile.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) dirs.add(m[1]);
    }
  }
  const sections = [...dirs]
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
      const noticeFile = readdirSync(join(ROOT, dir)).find((f) =>
        /^(licen[cs]e|copying|notice)([.-]|$)/i.test(f),
      );
      if (!noticeFile) throw new Error(`scripts/build.mjs: ${dir} ships no licence file`);
      const notice = readFileSync(join(ROOT, dir, noticeFile), 'utf8').trim();
      return { id: `${manifest.name}@${manifest.version}`, license: manifest.license, notice };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  return [
    '# Third-party licences',
    '',
    `${pkg.name} ${pkg.version} bundles these packages into dist/ (it has no runtime dependencies).`,
    'Each is listed with its version, its licence and the notice it ships.',
    '',
    ...sections.map((s) => `- ${s.id} (${s.license})`),
    '',
    ...sections.flatMap((s) => [
      `## ${s.id}`,
      '',
      `License: ${s.license}`,
      '',
      '```text',
      s.notice,
      '```',
      '',
    ]),
  ].join('\n');
}

/** dist/types/*.d.ts for the library entry, from tsc (tsconfig.build.json). */
function declarations() {
  const out = mkdtempSync(join(tmpdir(), 'ml-salary-types-'));
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', out],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const found = new Map();
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else found.set(relative(out, path), readFileSync(path));
      }
    };
    walk(out);
    return found;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Write every file atomically (temp name, then rename), then remove what the build no longer makes. */
function publish(files) {
  for (const [name, contents] of files) {
    const path = join(DIST, name);
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, contents);
    renameSync(temp, path);
  }
  const keep = new Set([...files.keys()].map((name) => join(DIST, name)));
  const prune = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        prune(path);
        if (readdirSync(path).length === 0) rmSync(path, { recursive: true, force: true });
      } else if (keep.has(path)) {
        continue;
      } else if (!entry.name.endsWith('.tmp')) {
        rmSync(path, { force: true }); // output this build no longer makes
      } else if (Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 60_000) {
        rmSync(path, { force: true }); // a temp file a crashed build left (not one being written)
      }
    }
  };
  prune(DIST);
}
