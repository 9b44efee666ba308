import type { GetBucketPolicyStatusCommandInput, GetBucketPolicyStatusCommandOutput } from '@aws-sdk/client-s3';
import { grantsPublicAccess } from '../../iam/policy-evaluator.js';
import { parsedPolicy } from '../access.js';
import { NoSuchBucketPolicy } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function GetBucketPolicyStatus(
  input: GetBucketPolicyStatusCommandInput,
  ctx: S3Context,
): Output<GetBucketPolicyStatusCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const policy = parsedPolicy(bucket);
  if (!policy) throw new NoSuchBucketPolicy('The bucket policy does not exist', { BucketName: bucket.name });
  return { PolicyStatus: { IsPublic: grantsPublicAccess(policy) } };
}
