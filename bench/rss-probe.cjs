// Preloaded by bench/run.mjs (`node --require bench/rss-probe.cjs ...`): at exit, write the
// process's peak resident set size in kB to the file named by ML_SALARY_BENCH_RSS.
const target = process.env.ML_SALARY_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    process
      .getBuiltinModule('node:fs')
      .writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
