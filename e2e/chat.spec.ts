import { type Browser, expect, type Page, test } from '@playwright/test';

const outputs = () => JSON.parse(process.env.E2E_OUTPUTS!) as { websiteUrl: string; userPoolId: string };
const endpoint = () => process.env.E2E_ENDPOINT!;
const PASSWORD = 'Sup3r-secret!';

async function latestCode(username: string): Promise<string> {
  const response = await fetch(`${endpoint()}/_emulator/cognito/codes?username=${encodeURIComponent(username)}`);
  const codes = (await response.json()) as Array<{ code: string }>;
  expect(codes.length).toBeGreaterThan(0);
  return codes.at(-1)!.code;
}

async function signUpAndLogIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('dialog', () => {
    throw new Error('a dialog opened: a message was interpreted as HTML');
  });
  await page.goto(outputs().websiteUrl);
  await expect(page).toHaveURL(/#\/login$/);
  await page.getByTestId('signup-link').click();
  await page.getByTestId('signup-username').fill(username);
  await page.getByTestId('signup-email').fill(`${username}@example.com`);
  await page.getByTestId('signup-password').fill(PASSWORD);
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('confirm-code')).toBeVisible();
  await page.getByTestId('confirm-code').fill(await latestCode(username));
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/#\/conversations$/);
  return page;
}

test('two users sign up, start a chat and exchange messages that appear without reloading', async ({ browser }) => {
  const suffix = Date.now().toString(36).slice(-5);
  const alice = `alice${suffix}`;
  const bob = `bob${suffix}`;
  const alicePage = await signUpAndLogIn(browser, alice);
  const bobPage = await signUpAndLogIn(browser, bob);

  await alicePage.getByTestId('new-chat').click();
  await alicePage.getByTestId(`person-${bob}`).getByTestId('start-chat').click();
  await expect(alicePage).toHaveURL(/#\/chat\/[0-9a-f-]{36}$/);
  await alicePage.getByTestId('message-input').fill(`Hello ${bob}`);
  await alicePage.getByTestId('message-send').click();
  await expect(alicePage.getByTestId('message').filter({ hasText: `Hello ${bob}` })).toBeVisible();

  // Bob finds the conversation in his list (polling, no reload needed after a navigation).
  await bobPage.reload();
  const row = bobPage.getByTestId('conversation-row');
  await expect(row).toContainText(alice);
  await row.click();
  await expect(bobPage.getByTestId('message').filter({ hasText: `Hello ${bob}` })).toHaveAttribute('data-sender', alice);

  const hostile = '<img src=x onerror=alert(1)>';
  await bobPage.getByTestId('message-input').fill(hostile);
  await bobPage.getByTestId('message-input').press('Enter');

  // Alice sees Bob's message appear by polling, as text.
  const received = alicePage.getByTestId('message').filter({ hasText: hostile });
  await expect(received).toBeVisible({ timeout: 20_000 });
  await expect(received).toHaveAttribute('data-sender', bob);
  await expect(alicePage.locator('[data-testid="message"] img')).toHaveCount(0);

  await alicePage.getByTestId('message-input').fill('Got it');
  await alicePage.getByTestId('message-send').click();
  await expect(bobPage.getByTestId('message').filter({ hasText: 'Got it' })).toBeVisible({ timeout: 20_000 });
  const order = await bobPage.getByTestId('message').allTextContents();
  expect(order.findIndex((t) => t.includes(`Hello ${bob}`))).toBeLessThan(order.findIndex((t) => t.includes('Got it')));
});
