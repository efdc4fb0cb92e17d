// Browser test of the built SPA against the real server (plain Node + playwright-core; the
// server, Chromium and the clean-up come from ./harness.mjs).
//
//   npm run build && npm run e2e
//
// Drives Chromium through login -> customers -> English as sp.admin, saves a screenshot to
// ${SCREENSHOT:-frontend/e2e/out/customers.png}, and ends with the line "N passed, M failed"
// (exit 1 on any failure).
import { dirname, resolve } from 'node:path';
import { assert, PASSWORD, root, suite } from './harness.mjs';

const screenshot = resolve(root, process.env.SCREENSHOT || 'frontend/e2e/out/customers.png');
const EMAIL = 'sp.admin@example.com';
const t = suite({ outDir: dirname(screenshot), serverLog: 'server.log', failureShot: 'failure.png' });
const step = t.step;

async function main() {
  let base;
  let page;

  await step('server starts and is ready', async () => {
    base = await t.startServer();
    return base;
  });

  await step('chromium starts', async () => {
    page = await t.startChromium();
    return t.browser.version();
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
}

await t.run(main);
