// Browser test of the built SPA against the real server (plain Node + playwright-core).
//
//   npm run build && npm run e2e
//
// Starts ${SERVER_BIN:-./bin/partnercenter} on a free port with a fresh data dir and the demo
// data, drives Chromium (${CHROMIUM:-/usr/bin/chromium}) through login -> customers -> English,
// saves a screenshot to ${SCREENSHOT:-frontend/e2e/out/customers.png}, always stops the server,
// and ends with the line "N passed, M failed" (exit 1 on any failure).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..', '..');
const serverBin = resolve(root, process.env.SERVER_BIN || './bin/partnercenter');
const spaDir = resolve(root, 'frontend/dist');
const screenshot = resolve(root, process.env.SCREENSHOT || 'frontend/e2e/out/customers.png');
const outDir = dirname(screenshot);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const EMAIL = 'sp.admin@example.com';
const PASSWORD = 'Demo@12345';
const STEP_TIMEOUT = 20_000;

let passed = 0;
let failed = 0;
let broken = false; // after a failure the remaining steps are skipped (and count as failed)

/** Runs one named check, printing its outcome. */
async function step(name, fn) {
  if (broken) {
    failed++;
    console.log(`SKIP ${name}`);
    return;
  }
  const started = Date.now();
  if (process.stdout.isTTY) process.stdout.write(`.... ${name}\r`);
  try {
    const note = await fn();
    passed++;
    console.log(`PASS ${name} (${Date.now() - started} ms)${note ? `: ${note}` : ''}`);
  } catch (err) {
    failed++;
    broken = true;
    console.log(`FAIL ${name} (${Date.now() - started} ms): ${err?.message ?? err}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
let serverExited = false;
let dataDir;
let browser;

function stopServer() {
  if (server && !serverExited) {
    server.kill('SIGTERM');
    const t = setTimeout(() => !serverExited && server.kill('SIGKILL'), 5000);
    t.unref();
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopServer();
    process.exit(130);
  });
}
process.on('exit', () => {
  if (server && !serverExited) server.kill('SIGKILL');
});

async function main() {
  mkdirSync(outDir, { recursive: true });
  const serverLog = join(outDir, 'server.log');
  let base;
  let page;

  await step('server starts and is ready', async () => {
    assert(existsSync(serverBin), `no server binary at ${serverBin} (go build -o bin/partnercenter ./server)`);
    assert(existsSync(join(spaDir, 'index.html')), `no built SPA in ${spaDir} (npm run build)`);
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'pc-e2e-'));
    base = `http://127.0.0.1:${port}`;
    const log = createWriteStream(serverLog);
    server = spawn(
      serverBin,
      ['--addr', `127.0.0.1:${port}`, '--data-dir', dataDir, '--spa-dir', spaDir, '--demo=true'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout.pipe(log);
    server.stderr.pipe(log);
    server.on('exit', () => (serverExited = true));
    const deadline = Date.now() + 60_000;
    for (;;) {
      assert(!serverExited, `server exited early (code ${server.exitCode}); see ${serverLog}`);
      try {
        const res = await fetch(`${base}/readyz`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      assert(Date.now() < deadline, `/readyz not 200 within 60 s; see ${serverLog}`);
      await sleep(250);
    }
    return base;
  });

  await step('chromium starts', async () => {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.on('pageerror', (err) => console.log(`     page error: ${err.message}`));
    return browser.version();
  });

  await step('opening / redirects to /login', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-submit').waitFor();
    return page.url();
  });

  await step('logging in through the form opens /customers', async () => {
    await page.getByTestId('login-email').fill(EMAIL);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    // Either the console opens or the form shows the server's error: fail fast with its text.
    const outcome = await Promise.race([
      page.waitForURL((url) => url.pathname === '/customers').then(() => 'ok'),
      page.getByTestId('login-error').waitFor().then(() => 'error'),
    ]);
    if (outcome === 'error') throw new Error(`login refused: ${(await page.getByTestId('login-error').textContent())?.trim()}`);
    return page.url();
  });

  await step('customer rows are shown', async () => {
    await page.locator('[data-testid=customer-row]').first().waitFor();
    const rows = await page.locator('[data-testid=customer-row]').count();
    assert(rows > 0, 'no customer rows');
    return `${rows} rows`;
  });

  await step('the total is greater than 0', async () => {
    const totalEl = page.getByTestId('customers-total');
    await totalEl.waitFor();
    const total = Number(await totalEl.getAttribute('data-total'));
    assert(total > 0, `total is ${total}`);
    return `${total} (${(await totalEl.textContent())?.trim()})`;
  });

  await step('switching to English changes the header', async () => {
    await page.screenshot({ path: screenshot.replace(/\.png$/, '.zh-CN.png'), fullPage: true });
    const logout = page.getByTestId('logout-button');
    const before = (await logout.textContent())?.trim();
    await page.getByTestId('lang-en').click();
    await page.waitForFunction((prev) => {
      const text = document.querySelector('[data-testid=logout-button]')?.textContent?.trim();
      return text && text !== prev;
    }, before);
    const after = (await logout.textContent())?.trim();
    assert(after === 'Log out', `logout button says ${after}`);
    return `"${before}" -> "${after}"`;
  });

  await step('screenshot saved', async () => {
    await page.locator('[data-testid=customer-row]').first().waitFor();
    await page.screenshot({ path: screenshot, fullPage: true });
    return screenshot;
  });

  if (failed && page) {
    const failShot = join(outDir, 'failure.png');
    await page.screenshot({ path: failShot, fullPage: true }).catch(() => {});
    console.log(`     failure screenshot: ${failShot}; server log: ${serverLog}`);
  }
}

try {
  await main();
} catch (err) {
  failed++;
  console.log(`FAIL unexpected: ${err?.stack ?? err}`);
} finally {
  await browser?.close().catch(() => {});
  stopServer();
  const deadline = Date.now() + 6000;
  while (server && !serverExited && Date.now() < deadline) await sleep(100);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
