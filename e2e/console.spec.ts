import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { expect, test } from '@playwright/test';

interface Outputs {
  apiUrl: string;
  apiId: string;
  stage: string;
  cdnUrl: string;
  userPoolId: string;
  functions: Record<string, string>;
}

const outputs = () => JSON.parse(process.env.E2E_OUTPUTS!) as Outputs;
const endpoint = () => process.env.E2E_ENDPOINT!;
const HOSTILE = '<img src=x onerror=alert(1)>';

test('the local console shows the stack, queries a table and charts an alarm', async ({ page }) => {
  const { apiUrl, apiId, stage, cdnUrl, userPoolId, functions } = outputs();
  // Traffic for the charts: an unauthenticated call (401) still counts in AWS/ApiGateway's 5XXError (as 0).
  expect((await fetch(`${apiUrl}/conversations`)).status).toBe(401);
  const conversationId = `console-${Date.now().toString(36)}`;
  const dynamodb = new DynamoDBClient({
    endpoint: endpoint(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await dynamodb.send(
    new PutItemCommand({
      TableName: 'Chat-Messages',
      Item: { ConversationId: { S: conversationId }, Timestamp: { N: String(Date.now()) }, Text: { S: HOSTILE } },
    }),
  );

  page.on('dialog', () => {
    throw new Error('a dialog opened: data was interpreted as HTML');
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${endpoint()}/_emulator/`);
  await expect(page.getByTestId('overview-lambda')).toContainText(`${Object.keys(functions).length} functions`);

  await page.getByTestId('menu-dynamodb').click();
  await expect(page.getByTestId('table-row').filter({ hasText: 'Chat-Messages' })).toBeVisible();
  await expect(page.getByTestId('table-row').filter({ hasText: 'Chat-Conversations' })).toBeVisible();
  await page.getByRole('link', { name: 'Chat-Messages', exact: true }).click();
  await page.getByTestId('query-pk').fill(conversationId);
  await page.getByTestId('query-submit').click();
  const found = page.locator('[data-testid="query-form"] ~ * [data-testid="item-row"]');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(HOSTILE);
  await expect(page.locator('main img')).toHaveCount(0);

  await page.getByTestId('menu-lambda').click();
  for (const name of Object.keys(functions)) await expect(page.getByTestId('function-row').filter({ hasText: name })).toBeVisible();
  await page.getByRole('link', { name: 'Chat-Me-GET', exact: true }).click();
  await expect(page.getByTestId('version-row').first()).toContainText('$LATEST');

  await page.getByTestId('menu-apigateway').click();
  await page.getByTestId('api-row').filter({ hasText: apiId }).getByRole('link', { name: 'Chat-API' }).click();
  const stageSection = page.locator('section', { has: page.getByRole('heading', { name: `Stage ${stage}` }) });
  await expect(stageSection.getByTestId('resource-tree')).toContainText('/conversations/{id}');
  await expect(stageSection.getByTestId('api-method').filter({ hasText: 'Chat-Messages-POST' })).toContainText('COGNITO_USER_POOLS');

  await page.getByTestId('menu-cognito').click();
  await expect(page.getByTestId('pool-row').filter({ hasText: userPoolId })).toBeVisible();

  await page.getByTestId('menu-cloudfront').click();
  const distributionId = new URL(cdnUrl).hostname.split('.')[0]!.toUpperCase();
  await expect(page.getByTestId('distribution-row').filter({ hasText: distributionId })).toBeVisible();

  await page.getByTestId('menu-monitoring').click();
  const apiAlarm = page.locator(`[data-testid="alarm-card"][data-alarm="Chat-API-${stage}-5XXError"]`);
  await expect(apiAlarm).toContainText('OK');
  await expect(apiAlarm.getByTestId('chart-threshold')).toHaveCount(1);
  await expect(apiAlarm.getByTestId('chart-point').first()).toBeVisible();
  for (const name of Object.keys(functions))
    await expect(page.locator(`[data-testid="alarm-card"][data-alarm="${name}-Errors"]`)).toHaveCount(1);

  // An action: set the alarm's state from its page; the history records the change.
  await apiAlarm.getByRole('link', { name: `Chat-API-${stage}-5XXError` }).click();
  await page.getByTestId('alarm-state').selectOption('ALARM');
  await page.getByTestId('set-state').click();
  await page.getByTestId('set-state-confirm').click();
  await expect(page.getByTestId('notice')).toHaveText(`Chat-API-${stage}-5XXError set to ALARM.`);
  await expect(page.locator('main')).toContainText('to ALARM');
  await expect(page.getByTestId('chart')).toHaveAttribute('data-points', /^[1-9]/);
});
