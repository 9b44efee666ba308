import { type AccessMapper, jsonBody, str, targetOperation } from './access.js';

/** CloudWatch: alarms by ARN for the operations on named alarms, `*` for metrics and listings. */
export const cloudwatchAccess: AccessMapper = (req) => {
  const operation = targetOperation(req);
  const body = jsonBody(req);
  const action = `cloudwatch:${operation}`;
  const alarm = (name: string) => `arn:aws:cloudwatch:${req.region}:${req.account}:alarm:${name}`;
  const resourceArn = str(body.ResourceARN);
  if (resourceArn) return [{ action, resource: resourceArn }];
  const single = operation === 'DescribeAlarmHistory' ? undefined : str(body.AlarmName);
  if (single) return [{ action, resource: alarm(single) }];
  if (Array.isArray(body.AlarmNames) && operation !== 'DescribeAlarms') {
    return (body.AlarmNames as unknown[]).filter((n): n is string => typeof n === 'string').map((n) => ({ action, resource: alarm(n) }));
  }
  return [{ action, resource: '*' }];
};
