// The SPA's weight and lab speed: the initial JavaScript and CSS (gzip) that index.html loads,
// and Lighthouse's LCP and TBT for the login and customers pages, in Debian Chromium, against a
// fresh server. Writes a table to stdout and bench/results/spa-<date>.md.
//   node bench/spa.mjs   (after `make build`; Lighthouse from `npm ci --prefix bench/lighthouse`)
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const dist = 'frontend/dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const size = (ext) => refs.filter((r) => r.endsWith(ext)).reduce((n, r) => n + gzipSync(readFileSync(join(dist, r))).length, 0);
const js = size('.js');
const css = size('.css');
// A console page (any but /login) loaded directly also asks for the console's chunks at once (an
// inline script in index.html lists them): reported beside the entry, which every page loads.
const consoleRefs = [...html.matchAll(/"(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]).filter((r) => !refs.includes(r));
const consoleJS = consoleRefs.reduce((n, r) => n + gzipSync(readFileSync(join(dist, r))).length, 0);

const freePort = () => new Promise((res) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const data = mkdtempSync(join(tmpdir(), 'pc-spa-'));
const server = spawn('bin/partnercenter', ['--addr', `127.0.0.1:${port}`, '--data-dir', data, '--spa-dir', dist], { stdio: 'ignore' });
const stop = () => { try { server.kill('SIGTERM'); } catch {} };
process.on('exit', stop);
for (let i = 0; ; i++) {
  try { if ((await fetch(`${base}/readyz`)).ok) break; } catch {}
  if (i > 300) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 100));
}
const login = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation { login(email: "sp.admin@example.com", password: "Demo@12345") { token } }' }) });
const token = (await login.json()).data.login.token;

const lhBin = process.argv.includes('--no-lighthouse') ? '/nonexistent' : 'bench/lighthouse/node_modules/.bin/lighthouse';
const lab = {};
if (existsSync(lhBin)) {
  for (const [name, path, headers] of [['login', '/login', null], ['customers', '/customers', { Cookie: `pc_session=${token}` }]]) {
    const out = join(data, `${name}.json`);
    const args = [`${base}${path}`, '--output=json', `--output-path=${out}`, '--quiet', '--only-categories=performance',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
      '--preset=desktop'];
    if (headers) args.push(`--extra-headers=${JSON.stringify(headers)}`);
    try {
      execFileSync(lhBin, args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, stdio: 'ignore', timeout: 180000 });
      const r = JSON.parse(readFileSync(out, 'utf8'));
      lab[name] = { lcp: r.audits['largest-contentful-paint'].numericValue, tbt: r.audits['total-blocking-time'].numericValue, score: r.categories.performance.score };
    } catch (e) {
      lab[name] = { error: String(e.message).split('\n')[0] };
    }
  }
}
stop();
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
let table = `SPA weight and lab speed, ${new Date().toISOString().slice(0, 16).replace('T', ' ')}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, commit ${commit}\n\n`;
table += `| measure | value | target |\n|---|---|---|\n`;
table += `| initial JavaScript (gzip) | ${(js / 1024).toFixed(1)} KB | <= 300 KB |\n| initial CSS (gzip) | ${(css / 1024).toFixed(1)} KB | |\n`;
table += `| + console chunks a direct load of a console page asks for at once (gzip) | ${(consoleJS / 1024).toFixed(1)} KB (${consoleRefs.length} files) | |\n`;
for (const [name, m] of Object.entries(lab)) {
  if (m.error) table += `| Lighthouse ${name} | failed: ${m.error} | |\n`;
  else table += `| Lighthouse ${name}: LCP | ${(m.lcp / 1000).toFixed(2)} s | <= 1.5 s |\n| Lighthouse ${name}: TBT | ${Math.round(m.tbt)} ms | |\n| Lighthouse ${name}: performance score | ${Math.round(m.score * 100)} | |\n`;
}
if (!Object.keys(lab).length) table += `| Lighthouse | not run (bench-quick) or not installed: npm ci --prefix bench/lighthouse | |\n`;
console.log(table);
mkdirSync('bench/results', { recursive: true });
const f = join('bench/results', `spa-${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}.md`);
writeFileSync(f, table);
console.log('written to', f);
