import type { EdgeRequest } from '../../../core/http.js';
import { type AccessMapper, jsonBody, str, targetOperation } from './access.js';

/** Log group ARNs as CloudWatch Logs names them in its refusals: `log-group:G:log-stream:S`, either part possibly empty. */
const streamArn = (req: EdgeRequest, group: string, stream = '') =>
  `arn:aws:logs:${req.region}:${req.account}:log-group:${group}:log-stream:${stream}`;

/** CloudWatch Logs: the log group (and stream) a request names; account-wide listings name neither. */
export const logsAccess: AccessMapper = (req) => {
  const operation = targetOperation(req);
  const body = jsonBody(req);
  const action = `logs:${operation}`;
  const resourceArn = str(body.resourceArn) ?? str(body.resourceIdentifier);
  if (resourceArn) return [{ action, resource: resourceArn }];
  const identifier = str(body.logGroupIdentifier);
  const group =
    str(body.logGroupName) ?? (identifier?.startsWith('arn:') ? identifier.split(':log-group:')[1]?.replace(/:\*$/, '') : identifier);
  if (Array.isArray(body.logGroupNames)) {
    return (body.logGroupNames as unknown[])
      .filter((g): g is string => typeof g === 'string')
      .map((g) => ({ action, resource: streamArn(req, g) }));
  }
  return [{ action, resource: streamArn(req, group ?? '', str(body.logStreamName)) }];
};
