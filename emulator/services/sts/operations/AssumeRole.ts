import type { AssumeRoleCommandInput, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { evaluatePolicies, type PolicyDocument } from '../../iam/policy-evaluator.js';
import { AccessDenied, constraint, MalformedPolicyDocument, PackedPolicyTooLarge, ValidationError } from '../errors.js';
import type { Output, StsContext } from './context.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;
const SESSION_NAME = /^[\w+=,.@-]*$/;
const CHAINED_LIMIT_SECONDS = 3600;

function durationOf(value: unknown): number {
  if (value === undefined || value === '') return 3600;
  const seconds = Number(value);
  if (!Number.isInteger(seconds)) throw constraint(value, 'durationSeconds', 'Member must have value greater than or equal to 900');
  if (seconds < 900) throw constraint(value, 'durationSeconds', 'Member must have value greater than or equal to 900');
  if (seconds > 43200) throw constraint(value, 'durationSeconds', 'Member must have value less than or equal to 43200');
  return seconds;
}

function sessionPolicyOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text.length > 2048) throw new PackedPolicyTooLarge('Packed size of consumed sessionPolicy exceeds 100%.');
  try {
    const parsed = JSON.parse(text) as PolicyDocument;
    if (!parsed || typeof parsed !== 'object' || parsed.Statement === undefined) throw new Error('no statement');
  } catch {
    throw new MalformedPolicyDocument('The policy is not in the valid JSON format.');
  }
  return text;
}

/**
 * Temporary credentials for a role whose trust policy allows the caller (the account's root
 * matches a trust policy naming the account; an IAM user or role session its own ARN or its
 * account). A role that does not exist is refused like one that does not trust the caller, as on AWS.
 */
export function AssumeRole(input: AssumeRoleCommandInput, ctx: StsContext): Output<AssumeRoleCommandOutput> {
  const roleArn = input.RoleArn;
  if (!roleArn) throw constraint(undefined, 'roleArn', 'Member must not be null');
  if (roleArn.length < 20) throw constraint(roleArn, 'roleArn', 'Member must have length greater than or equal to 20');
  const sessionName = input.RoleSessionName;
  if (!sessionName) throw constraint(undefined, 'roleSessionName', 'Member must not be null');
  if (sessionName.length < 2) throw constraint(sessionName, 'roleSessionName', 'Member must have length greater than or equal to 2');
  if (sessionName.length > 64) throw constraint(sessionName, 'roleSessionName', 'Member must have length less than or equal to 64');
  if (!SESSION_NAME.test(sessionName)) {
    throw constraint(sessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  }
  const duration = durationOf(input.DurationSeconds);
  const policy = sessionPolicyOf(input.Policy);

  const caller = ctx.iam?.principalFor(ctx.accessKeyId, ctx.account) ?? {
    kind: 'root' as const,
    account: ctx.account,
    arn: `arn:aws:iam::${ctx.account}:root`,
    userId: ctx.account,
  };
  const denied = () => new AccessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  const m = ROLE_ARN.exec(roleArn);
  const role = m ? ctx.iam?.findRole(m[1]!, roleArn) : undefined;
  if (!role) throw denied();
  const trust = JSON.parse(role.assumeRolePolicyDocument) as PolicyDocument;
  const principal = { arn: caller.arn, account: caller.account, ...(caller.roleArn ? { roleArn: caller.roleArn } : {}) };
  const context: Record<string, string> = { 'aws:PrincipalArn': caller.roleArn ?? caller.arn, 'aws:PrincipalAccount': caller.account };
  if (input.ExternalId !== undefined) context['sts:ExternalId'] = input.ExternalId;
  context['sts:RoleSessionName'] = sessionName;
  if (evaluatePolicies([trust], { principal, action: 'sts:AssumeRole', resource: roleArn, context }) !== 'Allow') throw denied();

  const chained = caller.kind === 'assumed-role';
  if (chained && duration > CHAINED_LIMIT_SECONDS) {
    throw new ValidationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (duration > role.maxSessionDuration) {
    throw new ValidationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  const session = ctx.iam!.startSession({
    account: m![1]!,
    role: { Arn: role.arn, RoleId: role.roleId, RoleName: role.roleName },
    sessionName,
    durationSeconds: duration,
    ...(policy !== undefined ? { policy } : {}),
    chained,
  });
  return {
    Credentials: {
      AccessKeyId: session.AccessKeyId,
      SecretAccessKey: session.SecretAccessKey,
      SessionToken: session.SessionToken,
      Expiration: new Date(session.Expiration),
    },
    AssumedRoleUser: { AssumedRoleId: `${session.RoleId}:${session.SessionName}`, Arn: session.AssumedRoleArn },
    ...(policy !== undefined ? { PackedPolicySize: Math.max(1, Math.ceil((policy.length * 100) / 2048)) } : {}),
  };
}
