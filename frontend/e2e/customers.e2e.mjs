// Browser test of the customer lifecycle pages against the real server (plain Node +
// playwright-core; the server, Chromium and the clean-up come from ./harness.mjs).
//
//   npm run build && npm run e2e:customers
//
// The server's output is captured: the development SMS sender logs the verification code there.
// In Chromium as sp.admin: creates a customer through the form, finds it in the list with its
// mobile masked, reveals the mobile with the eye button; the demo customer asks to disassociate
// (GraphQL over fetch, as customer@example.com); sp.admin approves it on the association records
// page and sees APPROVED. Screenshots go to frontend/e2e/out/customers-*.png. Ends with the line
// "N passed, M failed" (exit 1 on any failure).
import { join } from 'node:path';
import { assert, graphql, PASSWORD, sleep, suite } from './harness.mjs';

const ADMIN = 'sp.admin@example.com';
const CUSTOMER = 'customer@example.com';
const t = suite({ serverLog: 'server.customers.log', failureShot: 'customers-failure.png' });
const step = t.step;
const outDir = t.outDir;
const serverLines = t.serverLines;

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

async function main() {
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
    base = await t.startServer();
    return base;
  });

  await step('chromium starts', async () => {
    page = await t.startChromium();
    return t.browser.version();
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
}

await t.run(main);
