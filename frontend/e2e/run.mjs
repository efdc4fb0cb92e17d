// Runs browser test files one after another (each starts its own server), e.g.
//   node frontend/e2e/run.mjs login customers
// Every file prints its own "N passed, M failed" line; exits 1 when any file failed.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const names = process.argv.slice(2);
let failures = 0;
for (const name of names) {
  const file = resolve(import.meta.dirname, `${name}.e2e.mjs`);
  console.log(`== ${name}.e2e.mjs`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) failures++;
}
process.exit(failures ? 1 : 0);
