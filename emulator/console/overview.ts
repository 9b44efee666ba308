import * as apigateway from './apigateway.js';
import * as cloudfront from './cloudfront.js';
import * as cognito from './cognito.js';
import * as dynamodb from './dynamodb.js';
import type { ConsoleRequest, Endpoint } from './endpoint.js';
import * as lambda from './lambda.js';
import * as monitoring from './monitoring.js';
import * as s3 from './s3.js';

/** How many resources each service holds for the scope (and how many alarms are in ALARM), for the page's menu. */
export const overview: Endpoint = async (req: ConsoleRequest) => {
  const count = async (endpoint: Endpoint, member: string): Promise<number | { error: string }> => {
    try {
      const answer = (await endpoint(req)) as Record<string, unknown[]>;
      return answer[member]!.length;
    } catch (err) {
      return { error: (err as Error).message };
    }
  };
  let inAlarm = 0;
  try {
    const { alarms } = (await monitoring.alarmStates(req)) as { alarms: Array<{ state?: string }> };
    inAlarm = alarms.filter((a) => a.state === 'ALARM').length;
  } catch {
    // counted as an error below
  }
  return {
    account: req.scope.account,
    region: req.scope.region,
    counts: {
      dynamodb: await count(dynamodb.tables, 'tables'),
      s3: await count(s3.buckets, 'buckets'),
      lambda: await count(lambda.functions, 'functions'),
      apigateway: await count(apigateway.apis, 'apis'),
      cognito: await count(cognito.pools, 'pools'),
      cloudfront: await count(cloudfront.distributions, 'distributions'),
      monitoring: await count(monitoring.alarmStates, 'alarms'),
    },
    inAlarm,
  };
};
