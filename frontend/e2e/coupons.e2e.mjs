// Browser test of the coupon pages (券管理) against the real server (plain Node + playwright-core;
// the server, Chromium and the clean-up come from ./harness.mjs).
//
//   npm run build && npm run e2e:coupons
//
// As sp.admin: opens 券管理 from the menu, issues vouchers of 123.45 with a remark to two resale
// customers (customer@example.com's customer, the first resale customer of Demo SP, and another)
// through the batch issue dialog, sees both in the issued list, reclaims the other customer's and
// sees the amount reclaimed and a "reclaimed by hand" record. Then customer@example.com signs in,
// lands on its own account page, and sees its remaining voucher of 123.45 without any remark
// text (neither the new one nor the demo data's). Screenshots go to frontend/e2e/out/coupons-*.png.
// Ends with the line "N passed, M failed" (exit 1 on any failure).
import { join } from 'node:path';
import { assert, graphql, PASSWORD, suite, text } from './harness.mjs';

const ADMIN = 'sp.admin@example.com';
const CUSTOMER = 'customer@example.com';
const FACE = '123.45';
const REMARK = 'E2E备注-仅伙伴可见';
const DEMO_REMARK = '演示备注';
const t = suite({ serverLog: 'server.coupons.log', failureShot: 'coupons-failure.png' });
const step = t.step;
const outDir = t.outDir;

async function tokenOf(base, email) {
  const d = await graphql(base, null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: PASSWORD });
  return d.login.token;
}

async function main() {
  let base;
  let page;
  const shot = (name, p = page) => p.screenshot({ path: join(outDir, `coupons-${name}.png`), fullPage: true });
  /** The two customers: the demo customer user's own and another resale customer of Demo SP. */
  let mine;
  let other;

  await step('server starts and is ready', async () => {
    base = await t.startServer();
    return base;
  });

  await step('the two resale customers are found (GraphQL over fetch)', async () => {
    const own = await graphql(base, await tokenOf(base, CUSTOMER), '{ viewer { customer { id } } }');
    const d = await graphql(
      base,
      await tokenOf(base, ADMIN),
      `{ customers(first: 10, where: { associationType: RESALE, search: "demo_c000" }, orderBy: [{ field: CREATED_AT, direction: ASC }]) { edges { node { id accountName name } } } }`,
    );
    const nodes = d.customers.edges.map((e) => e.node);
    mine = nodes.find((n) => n.id === own.viewer.customer.id);
    other = nodes.find((n) => n.id !== own.viewer.customer.id);
    assert(mine, `${CUSTOMER}'s customer is not among the resale customers "demo_c000*"`);
    assert(other, 'no second resale customer');
    for (const c of [mine, other]) c.label = `${c.accountName} (${c.name})`;
    return `${mine.label} and ${other.label}`;
  });

  await step('chromium starts', async () => {
    page = await t.startChromium();
    return t.browser.version();
  });

  await step(`${ADMIN} opens 券管理 from the menu and sees its quotas`, async () => {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(ADMIN);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/customers');
    await page.getByTestId('menu-/coupons').click();
    await page.waitForURL((url) => url.pathname === '/coupons');
    await page.locator('[data-testid=quota-row]').first().waitFor();
    const n = await page.locator('[data-testid=quota-row]').count();
    await shot('quotas');
    return `${n} quotas`;
  });

  await step('the issue dialog issues vouchers to both customers (per-customer results)', async () => {
    await page.getByTestId('coupon-issue').click();
    const dialog = page.getByTestId('issue-dialog');
    await dialog.waitFor();
    await page.getByTestId('issue-quota').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '49,400.00' }).first().click();
    await page.getByTestId('issue-customers').click();
    await page.keyboard.type('demo_c000');
    for (const c of [mine, other]) await page.locator(`.ant-select-item-option[title="${c.label}"]`).click();
    await page.locator('.ant-modal-title').filter({ visible: true }).click(); // closes the dropdown
    await page.locator('.ant-select-dropdown').filter({ visible: true }).waitFor({ state: 'hidden' });
    await page.getByTestId('issue-face-value').fill(FACE);
    await page.getByTestId('issue-remark').fill(REMARK);
    await page.getByTestId('issue-total').waitFor();
    const total = await text(page.getByTestId('issue-total'));
    assert(total.includes('246.90'), `total not shown: ${total}`);
    await shot('issue-form');
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('issue-summary').waitFor();
    const summary = await text(page.getByTestId('issue-summary'));
    const rows = await page.locator('[data-testid=batch-results] tbody tr').count();
    assert(rows === 2, `expected 2 result rows, got ${rows}`);
    await shot('issue-results');
    await page.getByTestId('issue-submit').click(); // now "close"
    await dialog.waitFor({ state: 'detached' });
    return `${summary}; ${total}`;
  });

  let otherCoupon;
  await step('the issued list shows both new coupons with the masked customer and the remark', async () => {
    await page.getByTestId('tab-coupons').click();
    const rows = page.locator(`[data-testid=coupon-row][data-face="${FACE}"]`);
    await rows.nth(1).waitFor();
    assert((await rows.count()) === 2, `expected 2 coupons of ${FACE}`);
    const mineRow = page.locator(`[data-testid=coupon-row][data-face="${FACE}"][data-customer="${mine.id}"]`);
    const otherRow = page.locator(`[data-testid=coupon-row][data-face="${FACE}"][data-customer="${other.id}"]`);
    assert((await text(mineRow.getByTestId('coupon-customer'))) === mine.label, 'customer column is not the masked name');
    assert((await text(otherRow.getByTestId('coupon-remark'))) === REMARK, 'remark not shown to the issuer');
    otherCoupon = await otherRow.getAttribute('data-id');
    await shot('issued');
    return `${other.label}: ${otherCoupon}`;
  });

  await step("reclaiming the other customer's voucher shows the amount actually reclaimed", async () => {
    const row = page.locator(`[data-testid=coupon-row][data-id="${otherCoupon}"]`);
    await row.getByTestId('coupon-reclaim').click();
    await page.getByTestId('reclaim-dialog').waitFor();
    await page.getByTestId('reclaim-reason').fill('e2e 回收');
    await shot('reclaim-confirm');
    await page.getByTestId('reclaim-submit').click();
    await page.getByTestId('reclaim-total').waitFor();
    const total = await page.getByTestId('reclaim-total').getAttribute('data-total');
    const amount = await text(page.getByTestId('reclaim-amount').first());
    assert(total === FACE, `reclaimed total ${total}, expected ${FACE}`);
    await shot('reclaim-result');
    await page.getByTestId('reclaim-submit').click(); // now "close"
    const reclaimed = page.locator(`[data-testid=coupon-row][data-id="${otherCoupon}"][data-status=RECLAIMED]`);
    await reclaimed.waitFor();
    assert((await reclaimed.getByTestId('coupon-reclaim').count()) === 0, 'a reclaimed coupon still offers reclaim');
    await reclaimed.getByTestId('coupon-reissue').waitFor();
    return `reclaimed ${amount}, total ${total}`;
  });

  await step('the records tab shows the reclaim by hand of that coupon', async () => {
    await page.getByTestId('tab-records').click();
    const rec = page.locator(`[data-testid=record-row][data-type=RECLAIMED_BY_HAND][data-coupon="${otherCoupon}"]`);
    await rec.waitFor();
    const label = await text(rec.getByTestId('record-type'));
    const amount = await text(rec.getByTestId('record-amount'));
    assert(label === '手动回收', `record type shown as "${label}"`);
    assert(amount.includes(FACE), `record amount ${amount}`);
    const issued = await page.locator('[data-testid=record-row][data-type=ISSUED]').count();
    await shot('records');
    return `${label} ${amount}; ${issued} issue records on the page`;
  });

  await step(`${CUSTOMER} lands on its own account page and sees its voucher, without any remark`, async () => {
    page = await t.newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(CUSTOMER);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/my-account');
    const row = page.locator(`[data-testid=my-coupon-row][data-face="${FACE}"]`);
    await row.waitFor();
    assert((await text(row.getByTestId('my-coupon-balance'))).includes(FACE), 'balance of the new voucher');
    const body = await text(page.locator('body'));
    assert(!body.includes(REMARK) && !body.includes(DEMO_REMARK), 'a remark reached the customer');
    await shot('customer-home');
    return `allocated ${await text(page.getByTestId('home-allocated'))}`;
  });

  await step('its My coupons page lists the voucher and no remark either', async () => {
    await page.getByTestId('menu-/my-coupons').click();
    await page.waitForURL((url) => url.pathname === '/my-coupons');
    await page.locator(`[data-testid=my-coupon-row][data-face="${FACE}"][data-status=USABLE]`).waitFor();
    const n = await page.locator('[data-testid=my-coupon-row]').count();
    const body = await text(page.locator('body'));
    assert(!body.includes(REMARK) && !body.includes(DEMO_REMARK), 'a remark reached the customer');
    assert(!body.includes('备注'), 'a remark column is shown to the customer');
    await shot('my-coupons');
    return `${n} coupons`;
  });
}

await t.run(main);
