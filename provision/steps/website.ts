import {
  CreateBucketCommand,
  type CreateBucketCommandInput,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketWebsiteCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { isNamed } from '../progress.js';
import { STACK } from '../stack.js';
import type { Clients } from '../target.js';

/** The client's bucket: static website hosting with index.html, publicly readable by bucket policy. */
export async function ensureWebsiteBucket(clients: Clients, bucket: string, region: string): Promise<void> {
  const input: CreateBucketCommandInput = { Bucket: bucket };
  if (region !== 'us-east-1') input.CreateBucketConfiguration = { LocationConstraint: region as never };
  try {
    await clients.s3.send(new CreateBucketCommand(input));
  } catch (err) {
    if (isNamed(err, 'BucketAlreadyExists')) {
      throw new Error(`The bucket name ${bucket} is taken by another account. Choose another name (it must be unique across all of AWS).`);
    }
    if (!isNamed(err, 'BucketAlreadyOwnedByYou')) throw err;
  }
  await clients.s3.send(
    new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: STACK.tag.key, Value: STACK.tag.value }] } }),
  );
  await clients.s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      },
    }),
  );
  await clients.s3.send(
    new PutBucketPolicyCommand({
      Bucket: bucket,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
      }),
    }),
  );
  await clients.s3.send(
    new PutBucketWebsiteCommand({
      Bucket: bucket,
      WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'index.html' } },
    }),
  );
}
