import { AwsError } from './errors.js';
import type { WireProtocol } from './protocol-errors.js';
import { formatAmzDate, MAX_SKEW_MS, type SignatureFailure } from './sigv4-verify.js';

/** AWS's texts for refused signatures: S3 has its own codes and words, the other services share theirs. */
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const S3_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';

/** Bytes as S3 lists them beside a refused signature: hex pairs separated by spaces. */
const hexBytes = (text: string) =>
  Buffer.from(text, 'utf8')
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

function timeMessage(requestTime: string, serverTime: Date, future: boolean): string {
  const now = formatAmzDate(serverTime);
  if (future) {
    const bound = formatAmzDate(new Date(serverTime.getTime() + MAX_SKEW_MS));
    return `Signature not yet current: ${requestTime} is still later than ${bound} (${now} + 15 min.)`;
  }
  const bound = formatAmzDate(new Date(serverTime.getTime() - MAX_SKEW_MS));
  return `Signature expired: ${requestTime} is now earlier than ${bound} (${now} - 15 min.)`;
}

function s3Error(failure: SignatureFailure): AwsError {
  switch (failure.reason) {
    case 'mismatch':
      return new AwsError('SignatureDoesNotMatch', S3_MISMATCH, 403, {
        AWSAccessKeyId: failure.accessKeyId,
        StringToSign: failure.stringToSign,
        SignatureProvided: failure.signatureProvided,
        StringToSignBytes: hexBytes(failure.stringToSign),
        CanonicalRequest: failure.canonicalRequest,
        CanonicalRequestBytes: hexBytes(failure.canonicalRequest),
      });
    case 'invalid-key':
      return new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, {
        AWSAccessKeyId: failure.accessKeyId,
      });
    case 'invalid-token':
      return new AwsError('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400);
    case 'expired-token':
      return new AwsError('ExpiredToken', 'The provided token has expired.', 400);
    case 'skewed':
      return new AwsError('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403, {
        RequestTime: failure.requestTime,
        ServerTime: failure.serverTime.toISOString(),
        MaxAllowedSkewMilliseconds: MAX_SKEW_MS,
      });
    case 'presign-expired':
      return new AwsError('AccessDenied', 'Request has expired', 403, {
        'X-Amz-Expires': failure.expires,
        Expires: failure.expiresAt.toISOString(),
        ServerTime: failure.serverTime.toISOString(),
      });
    case 'malformed':
      return failure.presigned
        ? new AwsError('AuthorizationQueryParametersError', failure.message, 400)
        : new AwsError('AuthorizationHeaderMalformed', failure.message, 400);
    case 'content-sha256-mismatch':
      return new AwsError(
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        400,
        {
          ClientComputedContentSHA256: failure.provided,
          S3ComputedContentSHA256: failure.computed,
        },
      );
  }
}

/** Query services (IAM, STS, CloudFront) answer 403 with their own codes; JSON services 400, REST-JSON ones 403. */
function otherError(failure: SignatureFailure, protocol: Exclude<WireProtocol, 's3'>): AwsError {
  const query = protocol === 'query' || protocol === 'rest-xml';
  const status = protocol === 'json' ? 400 : 403;
  switch (failure.reason) {
    case 'mismatch':
      return new AwsError(query ? 'SignatureDoesNotMatch' : 'InvalidSignatureException', MISMATCH, status);
    case 'invalid-key':
    case 'invalid-token':
      return new AwsError(query ? 'InvalidClientTokenId' : 'UnrecognizedClientException', INVALID_TOKEN, status);
    case 'expired-token':
      return new AwsError(query ? 'ExpiredToken' : 'ExpiredTokenException', EXPIRED_TOKEN, status);
    case 'skewed':
      return new AwsError(
        query ? 'SignatureDoesNotMatch' : 'InvalidSignatureException',
        timeMessage(failure.requestTime, failure.serverTime, failure.future),
        status,
      );
    case 'presign-expired':
      return new AwsError(
        query ? 'SignatureDoesNotMatch' : 'InvalidSignatureException',
        timeMessage(formatAmzDate(failure.expiresAt), failure.serverTime, false).replace(/ \(.*\)$/, ''),
        status,
      );
    case 'malformed':
      return new AwsError(query ? 'IncompleteSignature' : 'IncompleteSignatureException', failure.message, 400);
    case 'content-sha256-mismatch':
      return new AwsError(query ? 'SignatureDoesNotMatch' : 'InvalidSignatureException', MISMATCH, status);
  }
}

/** The error a service answers for a refused signature. */
export function signatureError(failure: SignatureFailure, protocol: WireProtocol): AwsError {
  return protocol === 's3' ? s3Error(failure) : otherError(failure, protocol);
}
