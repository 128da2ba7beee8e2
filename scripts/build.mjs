// Builds dist/ from src/ with esbuild (`npm run build`; also run by `npm ci` and the tests):
//
//   dist/cli.cjs      the command-line program, required by bin/ml-salary.js: one CommonJS file
//                     holding what a scripted estimate (`--json`, csv, markdown) runs
//   dist/lazy/*.js    what only some runs need, as ES modules loaded with import() when first
//                     used: the prompts, the table report, the other commands, the tax tables
//   dist/index.js     the library API (`import { estimate } from 'ml-salary'`)
//   dist/types/       the library's declarations, one file (dts-bundle-generator)
//   dist/data/, dist/schemas/   data/*.json and schemas/*.json as the package ships them: without
//                     whitespace, and the schemas without their descriptions (the repository
//                     keeps them whole); the bundles read them as `ml-salary/data/...`
//   dist/THIRD_PARTY_LICENSES.md   name, version and licence of every bundled package
//
// Why two kinds of file (`npm run bench`, start-up row; docs/benchmarks.md): Node compiles a
// CommonJS file lazily and an ES module graph eagerly, and start-up grows with the code loaded.
// On the development machine one CommonJS file of everything made a `--json` run 1.39x a bare
// `node -e ""`; this split, 1.2x. Every `import()` in src/ is where that split falls: the
// build makes each imported module an entry of dist/lazy/ (named by its path under src/) and
// the CommonJS file imports it from there. Modules both sides use are in both (errors are told
// apart by name for that reason, see src/errors.ts). Every dependency is bundled: the published
// package has none.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import dtsBundle from 'dts-bundle-generator';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/**
 * The data files are shipped once, in dist/data/, and read from there (require() of a JSON file:
 * one JSON.parse, shared by dist/cli.cjs and the ES modules), not copied into each bundle: the
 * tarball's budget. Required by a path relative to the output file (`dir`: from dist/cli.cjs,
 * './'; from dist/lazy/, '../'), not as the package's own `ml-salary/data/*` export, whose
 * resolution costs a --json run ~3 ms. The same for schemas/ (--data is checked against
 * market.schema.json).
 */
const dataFiles = (dir) => ({
  name: 'data-files',
  setup(b) {
    b.onResolve({ filter: /[\\/](data|schemas)[\\/][\w.-]+\.json$/ }, (args) =>
      args.namespace === 'data'
        ? { path: args.path, external: true } // the require() written below
        : { path: args.path.split(/[\\/]/).slice(-2).join('/'), namespace: 'data' },
    );
    b.onLoad({ filter: /.*/, namespace: 'data' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(dir + args.path)});`,
      loader: 'js',
    }));
  },
});
const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  minify: true, // the tarball's size; start-up measured the same either way
  legalComments: 'none', // the notices go to THIRD_PARTY_LICENSES.md instead
  logLevel: 'warning',
  metafile: true,
  // cli-table3 require()s @colors/colors only to colour a header or border style, which
  // render/grid.ts never sets (it colours cells itself): left out, its require() is not reached.
  external: ['@colors/colors/safe'],
  plugins: [
    {
      // string-width (through cli-table3) replaces emoji with two columns using emoji-regex, a
      // 10 kB pattern: Node's own Unicode property for emoji sequences says the same.
      name: 'emoji',
      setup(b) {
        b.onResolve({ filter: /^emoji-regex$/ }, () => ({ path: 'emoji', namespace: 'emoji' }));
        b.onLoad({ filter: /.*/, namespace: 'emoji' }, () => ({
          contents: 'module.exports = () => /\\p{RGI_Emoji}/gv;',
        }));
      },
    },
    {
      // package.json is imported for its version: bundle that alone, not the whole manifest.
      name: 'version',
      setup(b) {
        b.onLoad({ filter: /[\\/]package\.json$/ }, (args) =>
          args.path === join(ROOT, 'package.json')
            ? { contents: JSON.stringify({ version: pkg.version }), loader: 'json' }
            : undefined,
        );
      },
    },
  ],
};

rmSync(DIST, { recursive: true, force: true });
/** A JSON file as shipped: no whitespace; in a schema, `drop` annotations removed (not names). */
function ship(from, to, drop = []) {
  const without = (v, names = false) =>
    Array.isArray(v)
      ? v.map((x) => without(x))
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => names || !drop.includes(k))
              .map(([k, x]) => [k, without(x, !names && ['properties', '$defs'].includes(k))]),
          )
        : v;
  mkdirSync(join(DIST, to), { recursive: true });
  for (const name of readdirSync(join(ROOT, from)).filter((n) => n.endsWith('.json'))) {
    const value = JSON.parse(readFileSync(join(ROOT, from, name), 'utf8'));
    writeFileSync(join(DIST, to, name), JSON.stringify(without(value)));
  }
}
ship('data', 'data');
ship('schemas', 'schemas', ['description', 'title', '$comment', 'examples']);

/** src/a/b.ts -> 'a-b': the name of a module's file in dist/lazy/. */
const lazyName = (path) =>
  relative(join(ROOT, 'src'), path)
    .replace(/\.[jt]s$/, '')
    .replaceAll('/', '-');
const lazy = new Map(); // name -> source path
const cli = await build({
  ...common,
  format: 'cjs',
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  plugins: [
    ...common.plugins,
    dataFiles('./'),
    {
      // commander loads child_process when it loads (to run external subcommands, which
      // ml-salary has none of), and with it net and stream: ~2 ms of a --json run's ~10 ms.
      name: 'no-child-process',
      setup(b) {
        b.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'cp', namespace: 'cp' }));
        b.onLoad({ filter: /.*/, namespace: 'cp' }, () => ({
          contents:
            "module.exports = { spawn: (...a) => process.getBuiltinModule('node:child_process').spawn(...a) };",
        }));
      },
    },
    {
      name: 'lazy',
      setup(b) {
        b.onResolve({ filter: /^\./ }, async (args) => {
          if (args.kind !== 'dynamic-import') return undefined;
          const found = await b.resolve(args.path.replace(/\.js$/, '.ts'), {
            kind: 'import-statement',
            resolveDir: args.resolveDir,
          });
          const path = found.errors.length ? join(args.resolveDir, args.path) : found.path;
          lazy.set(lazyName(path), path);
          return { path: `./lazy/${lazyName(path)}.js`, external: true };
        });
      },
    },
  ],
});
// The lazy modules and the library, as ES modules sharing chunks (the market data once).
const esm = await build({
  ...common,
  format: 'esm',
  entryPoints: {
    index: 'src/index.ts',
    ...Object.fromEntries([...lazy].map(([n, p]) => [`lazy/${n}`, p])),
  },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'lazy/chunk-[hash]',
  plugins: [...common.plugins, dataFiles('../')],
  // commander is CommonJS and the prompts use require(): give the ES modules a require.
  banner: {
    js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  },
});
// dataFiles('../') is right for dist/lazy/ only: a data file required from dist/index.js itself
// would not be found.
if (/\.\.\/(data|schemas)\//.test(readFileSync(join(DIST, 'index.js'), 'utf8'))) {
  throw new Error('scripts/build.mjs: dist/index.js requires a data file; import it from a module');
}
// What is in both halves is shipped twice: say so when it is large (a module the lazy side
// imports statically that it could be given instead, as the commands are given the market).
const inCli = cli.metafile.outputs[Object.keys(cli.metafile.outputs)[0]].inputs;
const twice = new Map();
for (const out of Object.values(esm.metafile.outputs)) {
  for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
    if (inCli[path] && bytesInOutput > 0)
      twice.set(path, Math.max(twice.get(path) ?? 0, bytesInOutput));
  }
}
const dup = [...twice].sort((a, b) => b[1] - a[1]).filter(([, n]) => n >= 4096);
if (dup.length) {
  console.warn(
    `scripts/build.mjs: in both dist/cli.cjs and the ES modules: ${dup.map(([p, n]) => `${p} (${n} B)`).join(', ')}`,
  );
}
writeFileSync(join(DIST, 'THIRD_PARTY_LICENSES.md'), licenses([cli, esm]));
// The library's declarations, as one file of what src/index.ts exports and the types those
// name (dts-bundle-generator): 17 kB, where tsc's file per module came to 74 kB (15 kB packed).
const [types] = dtsBundle.generateDtsBundle(
  [{ filePath: join(ROOT, 'src/index.ts'), output: { noBanner: true } }],
  {
    preferredConfigPath: join(ROOT, 'tsconfig.build.json'),
  },
);
mkdirSync(join(DIST, 'types'), { recursive: true });
writeFileSync(join(DIST, 'types/index.d.ts'), types);

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
