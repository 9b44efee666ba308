import type { Target } from './target.js';

/** What went wrong in words a person understands, and what to do next. */
export interface Explanation {
  problem: string;
  next: string;
}

function names(err: unknown): { name: string; message: string; cause: string; code: string } {
  const e = (err ?? {}) as { name?: string; message?: string; cause?: unknown; code?: string; Code?: string };
  return { name: e.name ?? '', message: e.message ?? String(err), cause: String(e.cause ?? ''), code: e.code ?? e.Code ?? '' };
}

export function explain(err: unknown, target: Target): Explanation {
  const { name, message, cause, code } = names(err);
  const text = `${name} ${code} ${message} ${cause}`;
  const is = (...candidates: string[]) => candidates.includes(name) || candidates.includes(code);
  const profile = target.profile ? ` (profile ${target.profile})` : '';

  if (is('CredentialsProviderError') || /Could not load credentials|credential.*not found|profile.*could not be found/i.test(message)) {
    return {
      problem: `No AWS credentials found${profile}: ${message}`,
      next: 'Configure them with `aws configure` (or `aws sso login`), pass --profile NAME, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then run the same command again.',
    };
  }
  if (is('ExpiredToken', 'ExpiredTokenException', 'RequestExpired') || /token.*expired/i.test(message)) {
    return {
      problem: `Your AWS credentials have expired${profile}.`,
      next: 'Refresh them (`aws sso login`, or new temporary keys) and run the same command again.',
    };
  }
  if (
    is('InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'InvalidAccessKeyId', 'InvalidSignatureException')
  ) {
    return {
      problem: `AWS does not recognise these credentials${profile}: ${message}`,
      next: 'Check the access key id and secret (`aws sts get-caller-identity` shows which identity you use).',
    };
  }
  if (
    is('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError') ||
    /not authorized to perform/i.test(message)
  ) {
    return {
      problem: `Your identity may not do this: ${message}`,
      next: 'Grant the missing permission to your user or role (the README lists what the provisioner needs), or use a profile that has it.',
    };
  }
  if (is('BucketAlreadyExists') || /bucket name .* is taken/i.test(message)) {
    return {
      problem: message,
      next: 'S3 bucket names are global across all accounts. Provision into another region (--region), which gives another bucket name, or ask the owner of that bucket.',
    };
  }
  if (is('InvalidParameterValueException') && /role|assume/i.test(message)) {
    return {
      problem: `Lambda cannot use the new execution role yet: ${message}`,
      next: 'IAM changes take up to a minute to reach Lambda. The provisioner already retried with backoff; run the same command again in a minute (every step is idempotent).',
    };
  }
  if (is('TimeoutError') || /exceeded max wait|waiter.*timed? ?out/i.test(message)) {
    return {
      problem: `A resource took longer than expected to become ready: ${message}`,
      next: 'It is probably still being created (CloudFront can take 15 minutes). Run the same command again later: it picks up where it stopped.',
    };
  }
  if (is('ThrottlingException', 'TooManyRequestsException', 'Throttling', 'LimitExceededException')) {
    return { problem: `AWS is throttling the requests: ${message}`, next: 'Wait a minute and run the same command again.' };
  }
  if (/ECONNREFUSED/.test(text)) {
    const start =
      target.name === 'localstack'
        ? 'Start LocalStack first (`docker compose --profile localstack up`), or pass --endpoint URL.'
        : 'Start the local cloud first (`npm run emulator` or `npm start`), or pass --endpoint URL.';
    return { problem: `Nothing answers at ${target.endpoint ?? 'the endpoint'}.`, next: start };
  }
  if (/ENOTFOUND|EAI_AGAIN|ENETUNREACH|ETIMEDOUT|ECONNRESET/.test(text)) {
    return {
      problem: `Could not reach ${target.endpoint ?? `AWS in ${target.region}`}: ${message}`,
      next: 'Check the network connection, the region name (--region) and any proxy settings.',
    };
  }
  if (/Region is missing|Invalid region/i.test(message)) {
    return { problem: message, next: 'Pass --region, e.g. --region eu-west-1, or set AWS_REGION.' };
  }
  return {
    problem: `${name && name !== 'Error' ? `${name}: ` : ''}${message}`,
    next: 'Fix the cause above and run the same command again: every step is idempotent.',
  };
}
