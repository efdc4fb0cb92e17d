// Fails (exit 1) when frontend/src/gql is stale: regenerates into a temporary directory
// from the committed schema and the operations in frontend/src, and compares file by file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const committed = join(root, 'frontend', 'src', 'gql');
const tmp = mkdtempSync(join(tmpdir(), 'pc-codegen-'));

try {
  const cli = join(root, 'node_modules', '@graphql-codegen', 'cli', 'esm', 'bin.js');
  const run = spawnSync(process.execPath, [cli, '--config', 'codegen.ts', '--silent'], {
    cwd: root,
    env: { ...process.env, CODEGEN_OUT: `${tmp}/` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) {
    console.error('codegen:check: graphql-codegen failed');
    process.exit(run.status ?? 1);
  }

  const list = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);
  const fresh = list(tmp);
  const old = list(committed);
  const problems = [];
  for (const f of new Set([...fresh, ...old])) {
    if (!old.includes(f)) problems.push(`missing: frontend/src/gql/${f}`);
    else if (!fresh.includes(f)) problems.push(`extra: frontend/src/gql/${f}`);
    else if (readFileSync(join(tmp, f), 'utf8') !== readFileSync(join(committed, f), 'utf8'))
      problems.push(`stale: frontend/src/gql/${f}`);
  }
  if (problems.length) {
    console.error(`codegen:check: generated GraphQL types are out of date (run npm run codegen):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('codegen:check: frontend/src/gql is up to date');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
