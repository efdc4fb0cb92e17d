// Browser test of the customer lifecycle pages against the real server (plain Node + playwright-core).
//
//   npm run build && npm run e2e:customers
//
// Starts ${SERVER_BIN:-./bin/partnercenter} on a free port with a fresh data dir and the demo data
// (its output is captured: the development SMS sender logs the verification code there), then, in
// Chromium (${CHROMIUM:-/usr/bin/chromium}) as sp.admin: creates a customer through the form, finds
// it in the list with its mobile masked, reveals the mobile with the eye button; the demo customer
// asks to disassociate (GraphQL over fetch, as customer@example.com); sp.admin approves it on the
// association records page and sees APPROVED. Screenshots go to frontend/e2e/out/customers-*.png.
// Always stops the server; ends with the line "N passed, M failed" (exit 1 on any failure).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..', '..');
const serverBin = resolve(root, process.env.SERVER_BIN || './bin/partnercenter');
const spaDir = resolve(root, 'frontend/dist');
const outDir = resolve(root, process.env.E2E_OUT || 'frontend/e2e/out');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const ADMIN = 'sp.admin@example.com';
const CUSTOMER = 'customer@example.com';
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
/** Every line the server printed, for the SMS codes. */
const serverLines = [];

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

/** Collects the server's output line by line (and copies it to the log file). */
function capture(stream, log) {
  let rest = '';
  stream.on('data', (chunk) => {
    log.write(chunk);
    const text = rest + chunk.toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    serverLines.push(...lines);
  });
}

/** Waits for an SMS line printed after line index `from`, and returns its 6-digit code. */
async function smsCodeAfter(from) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (let i = serverLines.length - 1; i >= from; i--) {
      const line = serverLines[i];
      if (!line.includes('development sender')) continue;
      const m = line.match(/验证码是\s*(\d{6})/) ?? line.match(/\b(\d{6})\b/);
      if (m) return m[1];
    }
    assert(Date.now() < deadline, 'no SMS line with a code in the server output');
    await sleep(100);
  }
}

/** A GraphQL call as a person logged in with a bearer token (what a script would do). */
async function graphql(base, token, query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
  return body.data;
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const serverLog = join(outDir, 'server.customers.log');
  let base;
  let page;
  const stamp = Date.now().toString(36);
  const suffix = String(Date.now()).slice(-8);
  const created = {
    accountName: `e2e${stamp}`,
    name: '端到端测试客户',
    mobile: `0086-139${suffix}`,
    email: `e2e.${stamp}@example.com`,
  };
  let customerId;
  let eventId;
  const shot = (name) => page.screenshot({ path: join(outDir, `customers-${name}.png`), fullPage: true });

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
    capture(server.stdout, log);
    capture(server.stderr, log);
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

  await step(`logging in as ${ADMIN} opens /customers`, async () => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(ADMIN);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/customers');
    await page.locator('[data-testid=customer-row]').first().waitFor();
    return page.url();
  });

  await step('the create button opens the form', async () => {
    await page.getByTestId('customer-create').click();
    await page.waitForURL((url) => url.pathname === '/customers/new');
    await page.getByTestId('create-customer-form').waitFor();
  });

  await step('the form checks formats and registration as you type', async () => {
    await page.getByTestId('create-mobile').fill('13912345678');
    await page.getByText('手机号格式不正确').first().waitFor();
    await page.getByTestId('create-mobile').fill(created.mobile);
    await page.getByTestId('available-mobile').waitFor();
    await page.getByTestId('create-accountName').fill(created.accountName);
    await page.getByTestId('available-accountName').waitFor();
    await page.getByTestId('create-email').fill(created.email);
    await page.getByTestId('available-email').waitFor();
    await page.getByTestId('create-name').fill(created.name);
    return `${created.accountName}, ${created.mobile}`;
  });

  let code;
  await step('"send code" sends an SMS (code read from the server log) and counts down', async () => {
    const from = serverLines.length;
    await page.getByTestId('create-send-code').click();
    code = await smsCodeAfter(from);
    await page.waitForFunction(() => /\d+/.test(document.querySelector('[data-testid=create-send-code]')?.textContent ?? ''));
    const label = (await page.getByTestId('create-send-code').textContent())?.trim();
    assert(await page.getByTestId('create-send-code').isDisabled(), 'send button still enabled during the countdown');
    return `code ${code}; button "${label}"`;
  });

  await step('submitting creates the customer and opens its detail page', async () => {
    await page.getByTestId('create-code').fill(code);
    await shot('create');
    await page.getByTestId('create-submit').click();
    await page.waitForURL((url) => /^\/customers\/cus_/.test(url.pathname));
    customerId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('customer-fields').waitFor();
    const mobile = (await page.getByTestId('customer-fields').getByTestId('sensitive-mobile').textContent())?.trim();
    assert(mobile && mobile !== created.mobile && mobile.includes('*'), `detail mobile not masked: ${mobile}`);
    await shot('detail');
    return `${customerId}, mobile ${mobile}`;
  });

  let row;
  await step('the list shows the new customer with its mobile masked', async () => {
    await page.getByTestId('menu-/customers').click();
    await page.waitForURL((url) => url.pathname === '/customers');
    row = page.locator(`[data-testid=customer-row][data-id="${customerId}"]`);
    await row.waitFor();
    const masked = (await row.getByTestId('sensitive-mobile').textContent())?.trim();
    const last4 = created.mobile.slice(-4);
    assert(masked !== created.mobile, 'mobile shown in plain text');
    assert(/^0086-139\*+\d{4}$/.test(masked ?? '') && masked.endsWith(last4), `unexpected mask: ${masked}`);
    return masked;
  });

  await step('the eye button reveals the plain mobile, a second click hides it', async () => {
    await row.getByTestId('reveal-mobile').click();
    await page.waitForFunction(
      ([id, plain]) =>
        document.querySelector(`[data-testid=customer-row][data-id="${id}"] [data-testid=sensitive-mobile]`)?.textContent?.trim() === plain,
      [customerId, created.mobile],
    );
    assert(new URL(page.url()).pathname === '/customers', 'revealing navigated away from the list');
    await shot('list-revealed');
    await row.getByTestId('reveal-mobile').click();
    await page.waitForFunction(
      ([id, plain]) => {
        const text = document.querySelector(`[data-testid=customer-row][data-id="${id}"] [data-testid=sensitive-mobile]`)?.textContent?.trim();
        return text && text !== plain;
      },
      [customerId, created.mobile],
    );
    return created.mobile;
  });

  await step(`${CUSTOMER} asks to disassociate (GraphQL over fetch)`, async () => {
    const login = await graphql(base, null, 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }', {
      e: CUSTOMER,
      p: PASSWORD,
    });
    const token = login.login.token;
    const me = await graphql(base, token, '{ viewer { customer { id } } }');
    const id = me.viewer.customer.id;
    const res = await graphql(
      base,
      token,
      'mutation($id:ID!){ requestDisassociation(input:{customerID:$id, reason:"test"}){ event { id status initiator } userErrors { code message } } }',
      { id },
    );
    const { event, userErrors } = res.requestDisassociation;
    assert(!userErrors.length && event, `refused: ${JSON.stringify(userErrors)}`);
    eventId = event.id;
    assert(event.status === 'PENDING', `status ${event.status}`);
    return `${id} -> event ${eventId}`;
  });

  let eventRow;
  await step('sp.admin sees the request on the association records page', async () => {
    await page.getByTestId('menu-/associations').click();
    await page.waitForURL((url) => url.pathname === '/associations');
    eventRow = page.locator(`[data-testid=event-row][data-id="${eventId}"]`);
    await eventRow.waitFor();
    await eventRow.locator('[data-testid=event-status][data-status=PENDING]').waitFor();
    await shot('associations-pending');
  });

  await step('approving it shows APPROVED', async () => {
    await eventRow.getByTestId('event-approve').click();
    const dialog = page.getByTestId('decide-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('reason-input').fill('同意解除');
    await page.locator('.ant-modal-footer .ant-btn-primary').filter({ visible: true }).click();
    await eventRow.locator('[data-testid=event-status][data-status=APPROVED]').waitFor();
    assert((await eventRow.getByTestId('event-approve').count()) === 0, 'approve button still shown');
    await dialog.waitFor({ state: 'detached' });
    await shot('associations-approved');
    return (await eventRow.getByTestId('event-status').textContent())?.trim();
  });

  if (failed && page) {
    const failShot = join(outDir, 'customers-failure.png');
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
