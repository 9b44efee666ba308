import type { PolicyDocument } from '../policy-evaluator.js';
import { type AccessMapper, type RequestedAccess, str } from './access.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

/** STS: AssumeRole needs sts:AssumeRole on the role, whose trust policy is the resource policy; GetCallerIdentity needs nothing. */
export const stsAccess: AccessMapper = (req, deps) => {
  const params = new URLSearchParams(req.method === 'GET' ? req.query : req.body.toString('utf8'));
  const operation = params.get('Action');
  if (operation === 'GetCallerIdentity') return [];
  if (operation !== 'AssumeRole') return undefined;
  const roleArn = str(params.get('RoleArn'));
  const m = roleArn ? ROLE_ARN.exec(roleArn) : null;
  if (!roleArn || !m) return [];
  const role = deps.iam.roles(m[1]!).get(m[2]!.toLowerCase());
  const access: RequestedAccess = { action: 'sts:AssumeRole', resource: roleArn, resourceAccount: m[1]! };
  if (role && role.Arn === roleArn) access.resourcePolicy = JSON.parse(role.AssumeRolePolicyDocument) as PolicyDocument;
  return [access];
};
