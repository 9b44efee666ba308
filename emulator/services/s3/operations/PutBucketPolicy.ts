import type { PutBucketPolicyCommandInput, PutBucketPolicyCommandOutput } from '@aws-sdk/client-s3';
import { grantsPublicAccess } from '../../iam/policy-evaluator.js';
import { validateBucketPolicy } from '../bucket-policy.js';
import { AccessDenied } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function PutBucketPolicy(input: PutBucketPolicyCommandInput, ctx: S3Context): Output<PutBucketPolicyCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const policy = validateBucketPolicy(input.Policy ?? '', bucket.name);
  if (bucket.publicAccessBlock?.BlockPublicPolicy && grantsPublicAccess(policy)) {
    const who = ctx.caller.kind === 'signed' ? ctx.caller.arn : 'anonymous';
    throw new AccessDenied(
      `User: ${who} is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket.name}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    );
  }
  ctx.storage.saveBucket({ ...bucket, policy: JSON.stringify(policy) });
  return {};
}
