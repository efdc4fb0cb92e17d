// Browser test of the coupon administration pages against the real server (plain Node +
// playwright-core; the server, Chromium and the clean-up come from ./harness.mjs).
//
//   npm run build && npm run e2e:coupon-admin
//
// dist.admin issues 1,000.00 of its voucher quota to both of its resellers at once (answered per
// reseller) and reclaims one reseller's quota, seeing the amount reclaimed; platform@ grants Demo SP
// a quota with a limit, takes 88.88 back and freezes it; gov.admin adds a customer to its whitelist
// and removes it, then issues a designated cash coupon to a whitelisted customer. Screenshots go to
// frontend/e2e/out/coupon-admin-*.png. Ends with the line "N passed, M failed" (exit 1 on any failure).
import { join } from 'node:path';
import { assert, login, suite, text } from './harness.mjs';

const t = suite({ serverLog: 'server.coupon-admin.log', failureShot: 'coupon-admin-failure.png' });
const step = t.step;

async function main() {
  let base;
  let page;
  const shot = async (name) => {
    await page.waitForTimeout(400); // antd's animations
    await page.screenshot({ path: join(t.outDir, `coupon-admin-${name}.png`), fullPage: true });
  };
  /** Picks the option of the open select that contains `label` and waits for the list to close. */
  async function pick(label) {
    await page.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option').filter({ hasText: label }).first().click();
  }
  async function closeDropdowns() {
    await page.locator('.ant-modal-title').filter({ visible: true }).first().click();
    await page.locator('.ant-select-dropdown').filter({ visible: true }).waitFor({ state: 'hidden' });
  }
  const signIn = async (email) => {
    page = await t.newPage();
    await login(page, base, email);
  };

  await step('server starts and is ready', async () => {
    base = await t.startServer();
    return base;
  });

  await step('chromium starts', async () => {
    await t.startChromium();
    return t.browser.version();
  });

  await step('dist.admin issues voucher quota to both resellers at once', async () => {
    await signIn('dist.admin@example.com');
    await page.getByTestId('menu-/reseller-quotas').click();
    await page.locator('[data-testid=own-quota-row]').first().waitFor();
    await page.getByTestId('quota-issue').click();
    await page.getByTestId('quota-issue-source').click();
    await pick('100,000.00');
    await page.locator('.ant-select-dropdown').filter({ visible: true }).waitFor({ state: 'hidden' });
    await page.getByTestId('quota-issue-resellers').click();
    await pick('Demo Reseller East');
    await pick('Demo Reseller West');
    await closeDropdowns();
    await page.getByTestId('quota-issue-value').fill('1000');
    await page.getByTestId('quota-issue-submit').click();
    const results = page.getByTestId('batch-results');
    await results.waitFor();
    const rows = await results.locator('tbody tr').count();
    const body = await text(results);
    assert(rows === 2 && body.includes('Demo Reseller East') && body.includes('Demo Reseller West'), `per-reseller answers: ${body}`);
    await shot('quota-issued');
    await page.getByTestId('quota-issue-submit').click(); // close
    await page.locator('[data-testid=reseller-quota-row]').nth(1).waitFor();
    const own = await text(page.locator('[data-testid=own-quota-row]').first().getByTestId('quota-balance'));
    assert(own.includes('98,000.00'), `own quota balance ${own}`);
    return `own balance ${own}`;
  });

  await step("reclaiming a reseller's quota shows the amount actually reclaimed", async () => {
    const row = page.locator('[data-testid=reseller-quota-row][data-partner="Demo Reseller West"]').first();
    await row.getByTestId('quota-reclaim').click();
    await page.getByTestId('quota-reclaim-submit').click();
    const done = page.getByTestId('quota-reclaimed');
    await done.waitFor();
    const amount = await done.getAttribute('data-amount');
    assert(amount === '1000.00', `reclaimed ${amount}`);
    const shown = await text(done);
    await shot('quota-reclaimed');
    await page.getByTestId('quota-reclaim-submit').click(); // close
    await row.locator('[data-testid=quota-status][data-status=RECLAIMED]').waitFor();
    return shown;
  });

  await step('platform grants Demo SP a quota with a limit, takes some back and freezes it', async () => {
    await signIn('platform@example.com');
    await page.getByTestId('menu-/coupon-grants').click();
    await page.locator('[data-testid=quota-row]').first().waitFor();
    await page.getByTestId('grant-open').click();
    await page.getByTestId('grant-partner').click();
    await pick('Demo SP');
    await page.locator('.ant-select-dropdown').filter({ visible: true }).waitFor({ state: 'hidden' });
    await page.getByTestId('grant-value').fill('888.88');
    await page.getByTestId('limit-add').click();
    await page.getByTestId('limit-key').click();
    await pick('使用限制比例');
    await page.getByTestId('limit-value').fill('40');
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('grant-submit').waitFor({ state: 'detached' });
    const granted = page.locator('[data-testid=quota-row]').filter({ hasText: '888.88' }).first();
    await granted.waitFor();
    assert((await text(granted.getByTestId('limits'))).includes('40%'), 'the limit is not shown');
    const id = await granted.getAttribute('data-id');
    const row = page.locator(`[data-testid=quota-row][data-id="${id}"]`);
    await row.getByTestId('quota-adjust').click();
    await page.getByTestId('adjust-delta').fill('-88.88');
    await page.getByTestId('adjust-submit').click();
    await page.waitForFunction((qid) => document.querySelector(`[data-testid=quota-row][data-id="${qid}"] [data-testid=quota-balance]`)?.textContent === '¥800.00', id);
    await row.getByTestId('quota-set-status').click();
    await page.locator('.ant-radio-wrapper').filter({ hasText: '已冻结' }).click();
    await page.getByTestId('status-submit').click();
    await row.locator('[data-testid=quota-status][data-status=FROZEN]').waitFor();
    await shot('grants');
    return `${id}: 888.88 -> 800.00, FROZEN`;
  });

  await step('the platform sees the coupon expiry among the background jobs', async () => {
    // signed in as the platform by the step before; the server ran the periodic job on start
    await page.getByTestId('menu-/background-jobs').click();
    const row = page.locator('[data-testid=job-row]').filter({ hasText: 'expire_coupons' }).first();
    await row.waitFor();
    const state = await row.getByTestId('job-state').getAttribute('data-state');
    assert(state, 'no state tag');
    const attempts = await text(row.getByTestId('job-attempts'));
    assert(/^\d+\/5$/.test(attempts), `attempts ${attempts}`);
    await page.getByTestId('jobs-refresh').click();
    await row.waitFor();
    await shot('background-jobs');
    return `expire_coupons ${state} ${attempts}`;
  });

  let added;
  await step('gov.admin adds a customer to its whitelist and removes it', async () => {
    await signIn('gov.admin@example.com');
    await page.getByTestId('menu-/customer-whitelist').click();
    await page.locator('[data-testid=whitelist-row]').first().waitFor();
    const before = await page.locator('[data-testid=whitelist-row]').count();
    const listed = await page.locator('[data-testid=whitelist-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer')));
    await page.getByTestId('whitelist-add').click();
    await page.getByTestId('whitelist-customers').click();
    const options = page.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option');
    await options.first().waitFor();
    // the first customer not on the list yet (options name customers; rows carry their IDs)
    const titles = await options.evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    const names = await page.locator('[data-testid=whitelist-row] td:first-child').allTextContents();
    const i = titles.findIndex((x) => !names.includes(x));
    assert(i >= 0, 'every offered customer is already listed');
    await options.nth(i).click();
    await closeDropdowns();
    await page.getByTestId('whitelist-add-submit').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=whitelist-row]').length === n + 1, before);
    added = (await page.locator('[data-testid=whitelist-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer')))).find((c) => !listed.includes(c));
    await shot('whitelist-added');
    await page.locator(`[data-testid=whitelist-row][data-customer="${added}"]`).getByTestId('whitelist-remove').click();
    await page.getByTestId('whitelist-remove-confirm').filter({ visible: true }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=whitelist-row]').length === n, before);
    return `${before} -> ${before + 1} -> ${before} (${added})`;
  });

  await step('gov.admin issues a designated cash coupon to a whitelisted customer', async () => {
    await page.getByTestId('menu-/coupons').click();
    await page.getByTestId('coupon-issue').click();
    await page.getByTestId('issue-quota').click();
    await pick('现金券');
    await page.locator('.ant-select-dropdown').filter({ visible: true }).waitFor({ state: 'hidden' });
    await page.getByTestId('issue-customers').click();
    const options = page.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option');
    await options.first().waitFor();
    const offered = await options.count();
    await options.first().click();
    await closeDropdowns();
    await page.getByTestId('issue-face-value').fill('50');
    await page.getByTestId('issue-designated').check();
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('issue-summary').waitFor();
    const summary = await text(page.getByTestId('issue-summary'));
    await shot('gov-issued');
    await page.getByTestId('issue-submit').click(); // close
    const row = page.locator('[data-testid=coupon-row][data-face="50.00"]').first();
    await row.waitFor();
    assert((await text(row)).includes('现金券'), 'the cash coupon is not listed');
    return `${offered} whitelisted customers offered; ${summary}`;
  });
}

await t.run(main);
