import type { CreateBucketCommandInput, CreateBucketCommandOutput } from '@aws-sdk/client-s3';
import {
  BucketAlreadyExists,
  BucketAlreadyOwnedByYou,
  IllegalLocationConstraintException,
  InvalidBucketAclWithObjectOwnership,
  InvalidBucketName,
  InvalidLocationConstraint,
} from '../errors.js';
import { isValidBucketName } from '../names.js';
import type { BucketRecord } from '../storage.js';
import type { Output, S3Context } from './context.js';

const incompatible = (constraint: string) =>
  new IllegalLocationConstraintException(
    `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
  );

/** The region the bucket goes to, by AWS's rules for the endpoint's region and the LocationConstraint. */
function bucketRegion(requestRegion: string, constraint: string | undefined): string {
  if (constraint !== undefined && !/^(EU|[a-z]{2}(-[a-z]+)+-\d)$/.test(constraint)) {
    throw new InvalidLocationConstraint('The specified location-constraint is not valid', { LocationConstraint: constraint });
  }
  if (requestRegion === 'us-east-1') {
    if (constraint === 'us-east-1') {
      throw new InvalidLocationConstraint('The specified location-constraint is not valid', { LocationConstraint: constraint });
    }
    // The us-east-1 endpoint creates buckets in any region it is asked for.
    return constraint === 'EU' ? 'eu-west-1' : (constraint ?? 'us-east-1');
  }
  if (constraint === undefined) throw incompatible('unspecified');
  if (constraint !== requestRegion) throw incompatible(constraint);
  return constraint;
}

export function CreateBucket(input: CreateBucketCommandInput, ctx: S3Context): Output<CreateBucketCommandOutput> {
  const name = input.Bucket ?? '';
  if (!isValidBucketName(name)) throw new InvalidBucketName('The specified bucket is not valid.', { BucketName: name });
  const region = bucketRegion(ctx.region, input.CreateBucketConfiguration?.LocationConstraint || undefined);
  if (input.ACL && input.ACL !== 'private' && (input.ObjectOwnership ?? 'BucketOwnerEnforced') === 'BucketOwnerEnforced') {
    throw new InvalidBucketAclWithObjectOwnership("Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
  }
  const existing = ctx.storage.findBucket(name);
  if (existing) {
    if (existing.account !== ctx.account) {
      throw new BucketAlreadyExists(
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        { BucketName: name },
      );
    }
    // Legacy us-east-1 behaviour: re-creating a bucket you own there succeeds and changes nothing.
    if (existing.region !== 'us-east-1' || region !== 'us-east-1') {
      throw new BucketAlreadyOwnedByYou('Your previous request to create the named bucket succeeded and you already own it.', {
        BucketName: name,
      });
    }
  } else {
    const bucket: BucketRecord = {
      name,
      account: ctx.account,
      region,
      createdAt: new Date().toISOString(),
      // New buckets block all public access, as on AWS since April 2023.
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    };
    ctx.storage.saveBucket(bucket);
  }
  const port = new URL(ctx.edgeUrl).port;
  return {
    Location: region === 'us-east-1' ? `/${name}` : `http://${name}.s3.localhost${port ? `:${port}` : ''}/`,
    BucketArn: `arn:aws:s3:::${name}`,
  };
}
