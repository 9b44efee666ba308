import { AwsError } from '../../../core/errors.js';
import type { EdgeRequest } from '../../../core/http.js';
import { type AuthorizationRequest, evaluatePolicies, type PolicyDocument } from '../policy-evaluator.js';
import type { CallerPrincipal } from '../principals.js';
import type { AccessMapper, MapperDeps, RequestedAccess } from './access.js';
import { cloudwatchAccess } from './cloudwatch.js';
import { cognitoAccess } from './cognito.js';
import { dynamodbAccess } from './dynamodb.js';
import { lambdaAccess } from './lambda.js';
import { logsAccess } from './logs.js';
import { s3Access } from './s3.js';
import { stsAccess } from './sts.js';

/** The services whose requests enforcement can map to actions and resources; requests to the others pass. */
const MAPPERS: Record<string, AccessMapper> = {
  dynamodb: dynamodbAccess,
  s3: s3Access,
  'cognito-idp': cognitoAccess,
  lambda: lambdaAccess,
  logs: logsAccess,
  monitoring: cloudwatchAccess,
  sts: stsAccess,
};

/** How each service words a refusal on the wire: its error code and HTTP status. */
const DENIALS: Record<string, [code: string, status: number]> = {
  dynamodb: ['AccessDeniedException', 400],
  'cognito-idp': ['AccessDeniedException', 400],
  logs: ['AccessDeniedException', 400],
  monitoring: ['AccessDenied', 403],
  lambda: ['AccessDeniedException', 403],
  s3: ['AccessDenied', 403],
  sts: ['AccessDenied', 403],
};

type Verdict = { allowed: true } | { allowed: false; reason: string };

const accountOfArn = (arn: string) => /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];

function conditionContext(req: EdgeRequest, principal: CallerPrincipal): Record<string, string> {
  const context: Record<string, string> = {
    'aws:PrincipalArn': principal.roleArn ?? principal.arn,
    'aws:PrincipalAccount': principal.account,
    'aws:PrincipalType': principal.kind === 'assumed-role' ? 'AssumedRole' : principal.kind === 'user' ? 'User' : 'Account',
    'aws:userid': principal.userId,
    'aws:SecureTransport': 'false',
    'aws:CurrentTime': new Date().toISOString(),
    'aws:EpochTime': String(Math.floor(Date.now() / 1000)),
    'aws:RequestedRegion': req.region,
  };
  if (principal.userName) context['aws:username'] = principal.userName;
  const ip = req.raw.socket?.remoteAddress;
  if (ip) context['aws:SourceIp'] = ip.replace(/^::ffff:/, '');
  if (req.headers['user-agent']) context['aws:UserAgent'] = req.headers['user-agent'];
  return context;
}

/**
 * AWS's evaluation for one permission: an explicit Deny anywhere wins; within the principal's
 * account an Allow from the identity policies (narrowed by a session policy) or from a resource
 * policy naming the principal suffices; across accounts both are needed.
 */
export function decide(
  principal: CallerPrincipal,
  identity: PolicyDocument[],
  access: RequestedAccess,
  context: Record<string, string>,
): Verdict {
  const request: AuthorizationRequest = {
    principal: { arn: principal.arn, account: principal.account, ...(principal.roleArn ? { roleArn: principal.roleArn } : {}) },
    action: access.action,
    resource: access.resource,
    context,
  };
  const action = access.action;
  const identityDecision = evaluatePolicies(identity, request);
  if (identityDecision === 'Deny') return { allowed: false, reason: 'with an explicit deny in an identity-based policy' };
  const sessionDecision = principal.sessionPolicy ? evaluatePolicies([principal.sessionPolicy], request) : 'Allow';
  if (sessionDecision === 'Deny') return { allowed: false, reason: 'with an explicit deny in a session policy' };
  const sameAccount = (access.resourceAccount ?? accountOfArn(access.resource) ?? principal.account) === principal.account;
  const resourceDecision = access.resourcePolicy ? evaluatePolicies([access.resourcePolicy], { ...request, sameAccount }) : 'NoMatch';
  if (resourceDecision === 'Deny') return { allowed: false, reason: 'with an explicit deny in a resource-based policy' };
  const identityAllows = identityDecision === 'Allow' && sessionDecision === 'Allow';
  if (sameAccount ? identityAllows || resourceDecision === 'Allow' : identityAllows && resourceDecision === 'Allow')
    return { allowed: true };
  if (identityAllows) return { allowed: false, reason: `because no resource-based policy allows the ${action} action` };
  if (identityDecision === 'Allow') return { allowed: false, reason: `because no session policy allows the ${action} action` };
  return { allowed: false, reason: `because no identity-based policy allows the ${action} action` };
}

function denial(service: string, principal: CallerPrincipal, access: RequestedAccess, reason: string): AwsError {
  const [code, status] = DENIALS[service] ?? ['AccessDenied', 403];
  const resource = access.resource === '*' ? '' : ` on resource: ${service === 's3' ? `"${access.resource}"` : access.resource}`;
  const because = service === 'sts' ? '' : ` ${reason}`;
  return new AwsError(code, `User: ${principal.arn} is not authorized to perform: ${access.action}${resource}${because}`, status);
}

/**
 * The refusal for a request its caller may not make, or undefined when it may (or when the
 * request is one enforcement cannot map to an action and resource). Root principals are not
 * restricted by IAM policies.
 */
export function authorizeRequest(
  req: EdgeRequest,
  service: string,
  principal: CallerPrincipal,
  identity: () => PolicyDocument[],
  deps: MapperDeps,
): AwsError | undefined {
  if (principal.kind === 'root') return undefined;
  const mapper = MAPPERS[service];
  const needed = mapper?.(req, deps);
  if (!needed?.length) return undefined;
  const policies = identity();
  const context = conditionContext(req, principal);
  for (const access of needed) {
    const verdict = decide(principal, policies, access, context);
    if (!verdict.allowed) return denial(service, principal, access, verdict.reason);
  }
  return undefined;
}
