import type { EdgeRequest } from '../../core/http.js';
import { evaluatePolicies, grantsPublicAccess, type PolicyDocument } from '../iam/policy-evaluator.js';
import type { BucketRecord } from './storage.js';

/** Who sent a request: anonymous (no signature) or a signed principal of some account. */
export type Caller = { kind: 'anonymous' } | { kind: 'signed'; account: string; arn: string; roleArn?: string };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
export const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/** The owner keeps these even when its own bucket policy denies everyone, so a bad policy cannot lock it out. */
const OWNER_ALWAYS = new Set(['s3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy']);

export function parsedPolicy(bucket: BucketRecord): PolicyDocument | undefined {
  return bucket.policy ? (JSON.parse(bucket.policy) as PolicyDocument) : undefined;
}

/**
 * Whether the caller may perform `action` on `resource` of the bucket. The owner's account is
 * allowed unless the bucket policy explicitly denies it (IAM identity policies are not enforced
 * yet); anyone else needs an Allow from the bucket policy, and Block Public Access
 * (RestrictPublicBuckets) shuts out everyone outside the account while the policy is public.
 */
export function isAllowed(
  bucket: BucketRecord,
  caller: Caller,
  action: string,
  resource: string,
  context: Record<string, string> = {},
): boolean {
  const owner = caller.kind === 'signed' && caller.account === bucket.account;
  const policy = parsedPolicy(bucket);
  if (!policy) return owner;
  const principal =
    caller.kind === 'signed'
      ? { arn: caller.arn, account: caller.account, ...(caller.roleArn ? { roleArn: caller.roleArn } : {}) }
      : undefined;
  const fullContext: Record<string, string> = { 'aws:SecureTransport': 'false', ...context };
  if (principal) {
    fullContext['aws:PrincipalAccount'] = principal.account;
    fullContext['aws:PrincipalArn'] = principal.roleArn ?? principal.arn;
  }
  const decision = evaluatePolicies([policy], { principal, action, resource, context: fullContext });
  if (decision === 'Deny') return owner && OWNER_ALWAYS.has(action);
  if (owner) return true;
  if (bucket.publicAccessBlock?.RestrictPublicBuckets && grantsPublicAccess(policy)) return false;
  return decision === 'Allow';
}

/** The request's own condition keys for bucket policies (aws:Referer, aws:UserAgent, aws:SourceIp). */
export function conditionContext(req: EdgeRequest): Record<string, string> {
  const context: Record<string, string> = {};
  if (req.headers.referer) context['aws:Referer'] = req.headers.referer;
  if (req.headers['user-agent']) context['aws:UserAgent'] = req.headers['user-agent'];
  const ip = req.raw.socket?.remoteAddress;
  if (ip) context['aws:SourceIp'] = ip.replace(/^::ffff:/, '');
  return context;
}
