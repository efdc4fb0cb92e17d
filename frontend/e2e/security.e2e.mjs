// Browser test of the security and money pages of the built SPA against the real server (plain
// Node + playwright-core; the server, Chromium and the clean-up come from ./harness.mjs).
//
//   go build -o bin/partnercenter ./server && npm run build && npm run e2e:security
//
// In Chromium:
//   sp.admin:   audit log shows the LOGIN record; an API key is created, shown once, works with
//               fetch() against /graphql, and is revoked; the account page shows the balance and
//               statement rows, and an online recharge moves it; the security page enrolls an
//               authenticator (codes computed here, RFC 6238).
//   dist.admin: reseller accounts; allocate; INSUFFICIENT_BALANCE shown; reclaim capped locally;
//               step-up turned on, then a reclaim asks for a code and is retried with it.
// Screenshots go to ${OUT_DIR:-frontend/e2e/out}/security-*.png. Ends with the line
// "N passed, M failed" (exit 1 on any failure).
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { assert, login, sleep, suite, text } from './harness.mjs';

const t = suite({ serverLog: 'security-server.log', failureShot: 'security-failure.png', dataDirPrefix: 'pc-e2e-security-' });
const step = t.step;
const outDir = t.outDir;

// ---- RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits), as an authenticator app computes it ----
function base32Decode(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of s.replace(/=+$/, '').replace(/\s/g, '').toUpperCase()) {
    const i = alphabet.indexOf(ch);
    if (i < 0) throw new Error(`bad base32 character ${ch}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function totpAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const o = h[h.length - 1] & 0x0f;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

// A code is accepted once, and the server accepts the codes of the previous, the current and
// the next time step: each call takes the first step not used before, up to the next one, and
// waits only when both are spent.
let lastStep = 0;
async function freshCode(secret) {
  for (;;) {
    const cur = Math.floor(Date.now() / 1000 / 30);
    const s = Math.max(lastStep + 1, cur);
    if (s <= cur + 1) {
      lastStep = s;
      return totpAt(secret, s);
    }
    await sleep(500);
  }
}

// waits for antd's open/close animations to settle first
const shot = async (page, name) => {
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, `security-${name}.png`), fullPage: true });
};

async function main() {
  let base;
  let page;
  let apiKey;

  await step('server starts and is ready', async () => {
    base = await t.startServer();
    return base;
  });

  await step('chromium starts', async () => {
    page = await t.startChromium();
    return t.browser.version();
  });

  // ---------------- sp.admin ----------------
  await step('sp.admin logs in and sees the new menu entries', async () => {
    await login(page, base, 'sp.admin@example.com');
    for (const path of ['/account', '/audit-logs', '/api-keys', '/security']) {
      await page.getByTestId(`menu-${path}`).waitFor();
    }
    assert((await page.getByTestId('menu-/reseller-accounts').count()) === 0, 'a solution provider sees reseller accounts');
    return 'account, audit log, API keys, security';
  });

  await step('audit log shows the LOGIN record', async () => {
    await page.getByTestId('menu-/audit-logs').click();
    await page.waitForURL((url) => url.pathname === '/audit-logs');
    const login = page.locator('[data-testid=audit-row] [data-action=LOGIN]').first();
    await login.waitFor();
    const label = await text(login);
    assert(label === '登录', `LOGIN shown as "${label}"`);
    const row = page.locator('[data-testid=audit-row]').filter({ has: page.locator('[data-action=LOGIN]') }).first();
    const rowText = await text(row);
    assert(rowText.includes('允许'), `LOGIN row lacks the outcome: ${rowText}`);
    assert(rowText.includes('127.0.0.1'), `LOGIN row lacks the remote address: ${rowText}`);
    await shot(page, 'audit');
    return `${await page.locator('[data-testid=audit-row]').count()} rows; ${await text(page.getByTestId('audit-total'))}`;
  });

  await step('audit log filters by action on the server', async () => {
    await page.getByTestId('audit-filter-action').click();
    await page.locator('.ant-select-item-option[title="登录失败"]').click();
    await page.getByTestId('audit-search').click();
    await page.getByText('暂无审计记录').waitFor();
    assert((await page.locator('[data-testid=audit-row] [data-action=LOGIN]').count()) === 0, 'LOGIN rows still shown');
    return 'no LOGIN_FAILED records: empty table';
  });

  await step('an API key is created and its full key shown once', async () => {
    await page.getByTestId('menu-/api-keys').click();
    await page.waitForURL((url) => url.pathname === '/api-keys');
    await page.getByTestId('apikey-create').click();
    await page.getByTestId('apikey-name').fill('e2e integration');
    await page.getByTestId('apikey-create-submit').click();
    const secretEl = page.getByTestId('apikey-secret');
    await secretEl.waitFor();
    apiKey = await text(secretEl);
    assert(apiKey.length > 20, `key "${apiKey}" looks too short`);
    const curl = await text(page.getByTestId('apikey-curl'));
    assert(curl.includes(`Authorization: Bearer ${apiKey}`), `curl example lacks the key: ${curl}`);
    await shot(page, 'apikey-created');
    await page.getByTestId('apikey-result-close').click();
    await secretEl.waitFor({ state: 'detached' });
    const row = page.locator('[data-testid=apikey-row]').first();
    await row.waitFor();
    const prefix = await row.getAttribute('data-prefix');
    assert(prefix && apiKey.startsWith(prefix), `row prefix ${prefix} is not the key's start`);
    const body = await page.evaluate(() => document.body.innerHTML);
    assert(!body.includes(apiKey), 'the full key is still in the page after closing the dialog');
    await page.reload();
    await page.locator('[data-testid=apikey-row]').first().waitFor();
    assert(!(await page.evaluate(() => document.body.innerHTML)).includes(apiKey), 'the full key is in the page after a reload');
    return `${prefix}… (${apiKey.length} characters)`;
  });

  await step('the key works with fetch() against /graphql', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role partner { name } } }' }),
    });
    const json = await res.json();
    assert(res.status === 200 && !json.errors, `status ${res.status}: ${JSON.stringify(json)}`);
    assert(json.data?.viewer?.partner?.name === 'Demo SP', `viewer: ${JSON.stringify(json.data)}`);
    return `viewer.partner.name = ${json.data.viewer.partner.name}`;
  });

  await step('the key is revoked and then refused', async () => {
    await page.reload();
    await page.getByTestId('apikey-revoke').first().click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await page.locator('[data-testid=apikey-status]', { hasText: '已吊销' }).first().waitFor();
    assert((await page.getByTestId('apikey-revoke').count()) === 0, 'a revoked key can still be revoked');
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    const json = await res.json().catch(() => ({}));
    const refused = res.status === 401 || !!json.errors || json.data?.viewer == null;
    assert(refused, `revoked key still works: ${res.status} ${JSON.stringify(json)}`);
    await shot(page, 'apikeys');
    return `status ${res.status}`;
  });

  await step('the account page shows the balance and the adjustment records', async () => {
    await page.getByTestId('menu-/account').click();
    await page.waitForURL((url) => url.pathname === '/account');
    const balance = await text(page.getByTestId('account-balance'));
    assert(balance === '45,000.00', `balance shows "${balance}"`);
    await page.locator('[data-testid=journal-row]').first().waitFor();
    return `balance ${balance}; ${await page.locator('[data-testid=journal-row]').count()} journal rows`;
  });

  await step('the statement shows debit/credit rows and the chart', async () => {
    await page.getByTestId('tab-statement').click();
    await page.locator('[data-testid=statement-row]').first().waitFor();
    const rows = await page.locator('[data-testid=statement-row]').count();
    assert(rows > 1, `${rows} statement rows`);
    const first = await text(page.locator('[data-testid=statement-row]').first());
    assert(first.includes('10,000.00') && first.includes('45,000.00'), `newest row: ${first}`);
    await page.getByTestId('balance-chart').locator('canvas').waitFor();
    await shot(page, 'account');
    return `${rows} rows; newest: ${first.replace(/\s+/g, ' ')}`;
  });

  await step('an online recharge moves the balance', async () => {
    await page.getByTestId('recharge-open').click();
    await page.getByTestId('recharge-amount').fill('0');
    await page.getByTestId('recharge-submit').click();
    await page.getByText('金额必须大于 0').waitFor();
    await page.getByTestId('recharge-amount').fill('1234.5');
    await page.getByTestId('recharge-submit').click();
    await page.getByTestId('recharge').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid=account-balance]')?.textContent?.trim() === '46,234.50');
    return '45,000.00 + 1,234.50 = 46,234.50';
  });

  await step('the security page enrolls an authenticator', async () => {
    await page.getByTestId('menu-/security').click();
    await page.waitForURL((url) => url.pathname === '/security');
    await page.getByTestId('stepup-need-totp').waitFor();
    await page.getByTestId('totp-begin').click();
    const secretEl = page.getByTestId('totp-secret');
    await secretEl.waitFor();
    await page.getByTestId('totp-qr').locator('canvas').waitFor();
    const secret = await secretEl.getAttribute('data-secret');
    assert(secret && secret.length >= 16, `secret ${secret}`);
    await shot(page, 'security-enroll');
    await page.getByTestId('totp-confirm-code').fill(await freshCode(secret));
    await page.getByTestId('totp-confirm').click();
    await page.locator('[data-testid=totp-state][data-enabled=true]').waitFor();
    await page.getByTestId('stepup-need-totp').waitFor({ state: 'detached' });
    await shot(page, 'security');
    return `secret ${secret.slice(0, 4)}…`;
  });

  // ---------------- dist.admin ----------------
  let distSecret;
  const westRow = () => page.locator('[data-testid=reseller-row][data-name="Demo Reseller West"]');

  await step('dist.admin sees the reseller accounts', async () => {
    await page.context().close();
    page = await t.newPage();
    await login(page, base, 'dist.admin@example.com');
    await page.getByTestId('menu-/reseller-accounts').click();
    await page.waitForURL((url) => url.pathname === '/reseller-accounts');
    await westRow().waitFor();
    const rows = await page.locator('[data-testid=reseller-row]').count();
    assert(rows === 2, `${rows} resellers`);
    const own = await text(page.getByTestId('own-balance'));
    assert(own === '450,000.00', `own balance ${own}`);
    return `${rows} resellers; own balance ${own}`;
  });

  await step('allocating more than the balance shows INSUFFICIENT_BALANCE', async () => {
    await westRow().getByTestId('reseller-allocate').click();
    await page.getByTestId('transfer-amount').fill('99999999');
    await page.getByTestId('transfer-submit').click();
    const err = page.getByTestId('transfer-error');
    await err.waitFor();
    const msg = await text(err);
    assert(msg.includes('INSUFFICIENT_BALANCE'), `error: ${msg}`);
    return msg;
  });

  await step('allocating 100.50 to Demo Reseller West', async () => {
    await page.getByTestId('transfer-amount').fill('100.505');
    await page.getByTestId('transfer-submit').click();
    await page.getByText('金额最多两位小数').waitFor();
    await page.getByTestId('transfer-amount').fill('100.5');
    await page.getByTestId('transfer-reason').fill('e2e');
    await page.getByTestId('transfer-submit').click();
    await page.getByTestId('transfer').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=reseller-row][data-name="Demo Reseller West"] [data-testid=reseller-balance]')?.textContent === '100.50',
    );
    await page.waitForFunction(() => document.querySelector('[data-testid=own-balance]')?.textContent === '449,899.50');
    await shot(page, 'reseller-accounts');
    return 'West 0.00 -> 100.50; own 450,000.00 -> 449,899.50';
  });

  await step('a reclaim over the reseller balance is refused locally', async () => {
    await westRow().getByTestId('reseller-reclaim').click();
    await page.getByTestId('transfer-amount').fill('100.51');
    await page.getByTestId('transfer-submit').click();
    await page.getByText('金额不能超过可回收余额 100.50').waitFor();
    await page.locator('.ant-modal-footer button').first().click();
    await page.getByTestId('transfer').waitFor({ state: 'detached' });
  });

  await step('dist.admin enrolls and turns step-up verification on', async () => {
    await page.getByTestId('menu-/security').click();
    await page.getByTestId('totp-begin').click();
    distSecret = await page.getByTestId('totp-secret').getAttribute('data-secret');
    await page.getByTestId('totp-confirm-code').fill(await freshCode(distSecret));
    await page.getByTestId('totp-confirm').click();
    await page.locator('[data-testid=totp-state][data-enabled=true]').waitFor();
    await page.getByTestId('stepup-switch').click();
    await page.getByTestId('stepup-code').fill(await freshCode(distSecret));
    await page.getByTestId('stepup-submit').click();
    await page.locator('[data-testid=stepup-switch].ant-switch-checked').waitFor();
    await shot(page, 'security-stepup');
    return 'requireStepUp = true';
  });

  await step('a reclaim then asks for a code and succeeds with it', async () => {
    await page.getByTestId('menu-/reseller-accounts').click();
    await westRow().getByTestId('reseller-reclaim').click();
    await page.getByTestId('transfer-amount').fill('0.5');
    await page.getByTestId('transfer-submit').click();
    // The one step-up prompt of the SPA (shared/graphql/stepUp.tsx) asks for the code.
    await page.getByTestId('verification-code').waitFor();
    const warning = await text(page.getByTestId('verification-problem'));
    await shot(page, 'verification');
    await page.getByTestId('verification-code').fill(await freshCode(distSecret));
    await page.getByTestId('verification-submit').click();
    await page.getByTestId('transfer').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid=reseller-row][data-name="Demo Reseller West"] [data-testid=reseller-balance]')?.textContent === '100.00',
    );
    return `asked: "${warning}"; West 100.50 -> 100.00`;
  });

  await step('the reclaim is in the audit log, in English too', async () => {
    await page.getByTestId('menu-/audit-logs').click();
    await page.locator('[data-testid=audit-row] [data-action=RECLAIM]').first().waitFor();
    await page.getByTestId('lang-en').click();
    await page.locator('[data-testid=audit-row] [data-action=RECLAIM]', { hasText: 'Reclaim' }).first().waitFor();
    await shot(page, 'audit-en');
    return `${await page.locator('[data-testid=audit-row]').count()} rows`;
  });
}

await t.run(main);
