import { execFileSync } from 'node:child_process';

/** Build dist/ once before the suite, so spawned tests run the real bundled CLI. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
