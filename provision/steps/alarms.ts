import { CloudWatchClient, PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { isNamed } from '../progress.js';
import { STACK } from '../stack.js';
import type { AnyClient, Target } from '../target.js';

export interface MonitoringClients {
  cloudwatch: CloudWatchClient;
  logs: CloudWatchLogsClient;
}

export const LOG_RETENTION_DAYS = 14;

/** CloudWatch and CloudWatch Logs clients for a target, configured like the provisioner's other clients. */
export function monitoringClientsFor(target: Target): MonitoringClients {
  const endpoint = target.name === 'aws' ? undefined : target.endpoint;
  const credentials =
    target.credentials ??
    (endpoint
      ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test' }
      : undefined);
  const config = {
    region: target.region,
    ...(endpoint ? { endpoint } : { ignoreConfiguredEndpointUrls: true }),
    ...(credentials ? { credentials } : {}),
    ...(target.profile && !target.credentials ? { profile: target.profile } : {}),
  };
  const clients = { cloudwatch: new CloudWatchClient(config), logs: new CloudWatchLogsClient(config) };
  for (const client of Object.values(clients)) target.instrument?.(client as unknown as AnyClient);
  return clients;
}

export const logGroupName = (functionName: string) => `/aws/lambda/${functionName}`;

/**
 * Each function's log group, created ahead of its first invocation so that it carries the stack's
 * tag and a retention (14 days) instead of Lambda's never-expiring default. Returns the group names.
 */
export async function ensureLogGroups(clients: MonitoringClients, functionNames: string[]): Promise<string[]> {
  const names = functionNames.map(logGroupName);
  await Promise.all(
    names.map(async (logGroupName) => {
      try {
        await clients.logs.send(new CreateLogGroupCommand({ logGroupName, tags: { [STACK.tag.key]: STACK.tag.value } }));
      } catch (err) {
        if (!isNamed(err, 'ResourceAlreadyExistsException')) throw err;
      }
      await clients.logs.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: LOG_RETENTION_DAYS }));
    }),
  );
  return names;
}

/** One minute, any occurrence: Sum ≥ 1 over 60 s; a minute without data is fine (no traffic, no errors). */
function anyInAMinute(
  name: string,
  description: string,
  metric: Pick<PutMetricAlarmCommandInput, 'Namespace' | 'MetricName' | 'Dimensions'>,
  actions: string[],
): PutMetricAlarmCommandInput {
  return {
    AlarmName: name,
    AlarmDescription: description,
    ...metric,
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    ActionsEnabled: actions.length > 0,
    AlarmActions: actions,
    OKActions: actions,
    Tags: [{ Key: STACK.tag.key, Value: STACK.tag.value }],
  };
}

/** The alarms of a stack, by name (pure: the dry run and tests read it). */
export function alarmDefinitions(options: {
  apiName: string;
  stage: string;
  functionNames: string[];
  alarmActions?: string[];
}): PutMetricAlarmCommandInput[] {
  const actions = options.alarmActions ?? [];
  return [
    anyInAMinute(
      `${options.apiName}-${options.stage}-5XXError`,
      `Any 5XX answered by ${options.apiName} (stage ${options.stage}) within a minute.`,
      {
        Namespace: 'AWS/ApiGateway',
        MetricName: '5XXError',
        Dimensions: [
          { Name: 'ApiName', Value: options.apiName },
          { Name: 'Stage', Value: options.stage },
        ],
      },
      actions,
    ),
    ...options.functionNames.map((fn) =>
      anyInAMinute(
        `${fn}-Errors`,
        `Any error of the function ${fn} (all versions and aliases) within a minute.`,
        { Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: fn }] },
        actions,
      ),
    ),
  ];
}

/**
 * The stack's alarms: a 5XX alarm on the API's stage and an Errors alarm per function.
 * PutMetricAlarm replaces an alarm of the same name, so this is idempotent. Returns the alarm names.
 */
export async function ensureAlarms(
  clients: MonitoringClients,
  options: { apiName: string; stage: string; functionNames: string[]; alarmActions?: string[] },
): Promise<string[]> {
  const definitions = alarmDefinitions(options);
  await Promise.all(definitions.map((input) => clients.cloudwatch.send(new PutMetricAlarmCommand(input))));
  return definitions.map((d) => d.AlarmName!);
}
