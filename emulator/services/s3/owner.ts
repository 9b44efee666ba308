import { createHash } from 'node:crypto';

/** The 64-hex canonical user id S3 shows as an account's Owner ID (stable per account). */
export function canonicalUserId(account: string): string {
  return createHash('sha256').update(`s3-owner:${account}`).digest('hex');
}
