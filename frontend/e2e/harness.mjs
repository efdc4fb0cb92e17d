// The browser tests' common harness (plain Node + playwright-core): named steps, a fresh server,
// Debian's Chromium, and the clean-up. Each *.e2e.mjs file is one suite:
//
//   const t = suite({ serverLog: 'x-server.log', failureShot: 'x-failure.png' });
//   await t.run(async () => {
//     await t.step('server starts and is ready', () => t.startServer());
//     await t.step('chromium starts', async () => { page = await t.startChromium(); return t.browser.version(); });
//     ...
//   });
//
// startServer runs ${SERVER_BIN:-./bin/partnercenter} on a free port with a fresh data dir and the
// demo data, serving ${SPA_DIR:-frontend/dist}; its output goes to the log file in the output
// directory (${E2E_OUT:-${OUT_DIR:-frontend/e2e/out}}) and, line by line, to t.serverLines.
// Chromium is ${CHROMIUM:-/usr/bin/chromium}. After the first failing step the others are skipped
// (and count as failed). run() always stops the server and Chromium, removes the data dir, prints
// "N passed, M failed" and exits (1 on any failure).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const root = resolve(import.meta.dirname, '..', '..');
export const serverBin = resolve(root, process.env.SERVER_BIN || './bin/partnercenter');
export const spaDir = resolve(root, process.env.SPA_DIR || 'frontend/dist');
export const OUT_DIR = resolve(root, process.env.E2E_OUT || process.env.OUT_DIR || 'frontend/e2e/out');
export const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
/** Every demo user's password. */
export const PASSWORD = 'Demo@12345';
export const STEP_TIMEOUT = 20_000;
/** DESIGN.md §5: what Debian's Chromium needs to run headless here. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** The trimmed text of a locator ('' when it has none). */
export const text = async (locator) => ((await locator.textContent()) ?? '').trim();

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

/** A GraphQL call as a script would make it, with a bearer token or none; fails on any error. */
export async function graphql(base, token, query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
  return body.data;
}

/** Logs in through the form and waits to leave the login page. */
export async function login(page, base, email, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * One browser test file. serverLog and failureShot are file names in outDir; dataDirPrefix names
 * the server's temporary data directory.
 */
export function suite({ outDir = OUT_DIR, serverLog = 'server.log', failureShot = 'failure.png', dataDirPrefix = 'pc-e2e-' } = {}) {
  let passed = 0;
  let failed = 0;
  let broken = false; // after a failure the remaining steps are skipped (and count as failed)
  let server;
  let serverExited = false;
  let dataDir;
  let lastPage;
  const logPath = join(outDir, serverLog);

  function stopServer() {
    if (server && !serverExited) {
      server.kill('SIGTERM');
      const t = setTimeout(() => !serverExited && server.kill('SIGKILL'), 5000);
      t.unref();
    }
  }

  const t = {
    outDir,
    serverLog: logPath,
    /** Every line the server printed so far (e.g. the development SMS sender's codes). */
    serverLines: [],
    /** The browser, once startChromium() ran. */
    browser: undefined,

    /** Runs one named check, printing its outcome and the note it returns. */
    async step(name, fn) {
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
    },

    /** Starts the server on a free port with a fresh data dir and the demo data; resolves to its base URL once /readyz answers 200. */
    async startServer() {
      assert(existsSync(serverBin), `no server binary at ${serverBin} (go build -o bin/partnercenter ./server)`);
      assert(existsSync(join(spaDir, 'index.html')), `no built SPA in ${spaDir} (npm run build)`);
      const port = await freePort();
      dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
      const base = `http://127.0.0.1:${port}`;
      const log = createWriteStream(logPath);
      server = spawn(serverBin, ['--addr', `127.0.0.1:${port}`, '--data-dir', dataDir, '--spa-dir', spaDir, '--demo=true'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      for (const stream of [server.stdout, server.stderr]) {
        let rest = '';
        stream.on('data', (chunk) => {
          log.write(chunk);
          const lines = (rest + chunk.toString('utf8')).split('\n');
          rest = lines.pop() ?? '';
          t.serverLines.push(...lines);
        });
      }
      server.on('exit', () => (serverExited = true));
      const deadline = Date.now() + 60_000;
      for (;;) {
        assert(!serverExited, `server exited early (code ${server.exitCode}); see ${logPath}`);
        try {
          if ((await fetch(`${base}/readyz`)).status === 200) break;
        } catch {
          // not listening yet
        }
        assert(Date.now() < deadline, `/readyz not 200 within 60 s; see ${logPath}`);
        await sleep(250);
      }
      return base;
    },

    /** Launches Chromium and resolves to a first page (see newPage). */
    async startChromium() {
      t.browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
      return t.newPage();
    },

    /** A page in a new context: 1440x900, zh-CN, the step timeout, page errors printed. */
    async newPage() {
      const context = await t.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      page.on('pageerror', (err) => console.log(`     page error: ${err.message}`));
      lastPage = page;
      return page;
    },

    /** Runs the suite's steps, then cleans up, prints the summary and exits. */
    async run(main) {
      mkdirSync(outDir, { recursive: true });
      for (const sig of ['SIGINT', 'SIGTERM']) {
        process.on(sig, () => {
          stopServer();
          process.exit(130);
        });
      }
      process.on('exit', () => {
        if (server && !serverExited) server.kill('SIGKILL');
      });
      try {
        await main();
        if (failed && lastPage && !lastPage.isClosed()) {
          const shot = join(outDir, failureShot);
          await lastPage.screenshot({ path: shot, fullPage: true }).catch(() => {});
          console.log(`     failure screenshot: ${shot}; server log: ${logPath}`);
        }
      } catch (err) {
        failed++;
        console.log(`FAIL unexpected: ${err?.stack ?? err}`);
      } finally {
        await t.browser?.close().catch(() => {});
        stopServer();
        const deadline = Date.now() + 6000;
        while (server && !serverExited && Date.now() < deadline) await sleep(100);
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
  return t;
}
