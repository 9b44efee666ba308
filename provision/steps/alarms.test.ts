import { DescribeAlarmsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../test/local-cloud.js';
import { alarmDefinitions, ensureAlarms, ensureLogGroups, type MonitoringClients, monitoringClientsFor } from './alarms.js';

const FUNCTIONS = ['Chat-Messages-GET', 'Chat-Messages-POST'];

describe('provision step: alarms and log groups', () => {
  let cloud: TestCloud;
  let clients: MonitoringClients;
  beforeAll(async () => {
    process.env.EMULATOR_ALARM_INTERVAL_MS = '0';
    cloud = await startTestCloud();
    clients = monitoringClientsFor({ name: 'local', region: 'us-east-1', endpoint: cloud.url });
  });
  afterAll(async () => cloud.close());

  it('creates a 5XX alarm on the API stage and an Errors alarm per function, idempotently', async () => {
    const options = { apiName: 'Chat-API', stage: 'prod', functionNames: FUNCTIONS };
    const names = await ensureAlarms(clients, options);
    expect(await ensureAlarms(clients, options)).toEqual(names);
    expect(names).toEqual(['Chat-API-prod-5XXError', 'Chat-Messages-GET-Errors', 'Chat-Messages-POST-Errors']);
    const described = await clients.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: names }));
    expect(described.MetricAlarms).toHaveLength(3);
    expect(described.MetricAlarms?.find((a) => a.AlarmName === 'Chat-API-prod-5XXError')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Dimensions: [
        { Name: 'ApiName', Value: 'Chat-API' },
        { Name: 'Stage', Value: 'prod' },
      ],
      Statistic: 'Sum',
      Period: 60,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    const arn = described.MetricAlarms![0]!.AlarmArn;
    expect((await clients.cloudwatch.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([
      { Key: 'app', Value: 'serverless-chat' },
    ]);
    expect(alarmDefinitions({ ...options, alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'] })[0]).toMatchObject({
      ActionsEnabled: true,
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
    });
  });

  it('creates each function log group with a 14-day retention, idempotently', async () => {
    await ensureLogGroups(clients, FUNCTIONS);
    const groups = await ensureLogGroups(clients, FUNCTIONS);
    expect(groups).toEqual(['/aws/lambda/Chat-Messages-GET', '/aws/lambda/Chat-Messages-POST']);
    const described = await clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/Chat-Messages-' }));
    expect(described.logGroups?.map((g) => [g.logGroupName, g.retentionInDays])).toEqual([
      ['/aws/lambda/Chat-Messages-GET', 14],
      ['/aws/lambda/Chat-Messages-POST', 14],
    ]);
  });
});
