import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { type Unzipped, unzipSync } from 'fflate';
import { InvalidParameterValueException, RequestTooLargeException, ValidationException, validationMessage } from './errors.js';

const MAX_ZIPPED = 50 * 1024 * 1024;
const MAX_UNZIPPED = 262_144_000;

export interface FunctionCodeInput {
  ZipFile?: string;
  S3Bucket?: string;
  S3Key?: string;
  S3ObjectVersion?: string;
  ImageUri?: string;
}

export interface CodePackage {
  zip: Buffer;
  files: Unzipped;
  sha256: string;
  sha256Hex: string;
  size: number;
}

/** Reads an S3 object as its owner would (the S3 service's internal API); undefined when missing. */
export type S3ObjectReader = (bucket: string, key: string) => Buffer | undefined;

/** Decodes and checks a deployment package, given inline (ZipFile, base64 on the wire) or in S3. */
export function readCode(code: FunctionCodeInput | undefined, readS3: S3ObjectReader | undefined, member = 'code'): CodePackage {
  if (!code || typeof code !== 'object') throw new ValidationException(validationMessage(member, undefined, 'Member must not be null'));
  if (code.ImageUri) {
    throw new InvalidParameterValueException('The local cloud runs zip-packaged functions only: ImageUri is not supported yet.');
  }
  let zip: Buffer;
  if (code.S3Bucket || code.S3Key) zip = fromS3(code, readS3);
  else if (typeof code.ZipFile === 'string' && code.ZipFile) zip = Buffer.from(code.ZipFile, 'base64');
  else throw new InvalidParameterValueException('Please provide a source for function code.');
  if (zip.length > MAX_ZIPPED) throw new RequestTooLargeException(`Zipped size must be smaller than ${MAX_ZIPPED} bytes`);
  return { zip, files: unpack(zip), ...digest(zip), size: zip.length };
}

function fromS3(code: FunctionCodeInput, readS3: S3ObjectReader | undefined): Buffer {
  if (!code.S3Bucket || !code.S3Key) throw new InvalidParameterValueException('Please provide a source for function code.');
  if (!readS3)
    throw new InvalidParameterValueException('Error occurred while GetObject. The S3 service is not running in the local cloud.');
  const body = code.S3ObjectVersion ? undefined : readS3(code.S3Bucket, code.S3Key);
  if (!body) {
    const [errorCode, message] = code.S3ObjectVersion
      ? ['NoSuchVersion', 'The specified version does not exist.']
      : ['NoSuchKey', 'The specified key does not exist.'];
    throw new InvalidParameterValueException(`Error occurred while GetObject. S3 Error Code: ${errorCode}. S3 Error Message: ${message}`);
  }
  return body;
}

const unreadable = () =>
  new InvalidParameterValueException('Could not unzip uploaded file. Please check your file, then try to upload again.');

function unpack(zip: Buffer): Unzipped {
  let total = 0;
  let files: Unzipped;
  try {
    files = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.length), {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNZIPPED) throw new InvalidParameterValueException(`Unzipped size must be smaller than ${MAX_UNZIPPED} bytes`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof InvalidParameterValueException) throw err;
    throw unreadable();
  }
  // Entries that would land outside the package directory ("../x", "/etc/x") are refused.
  for (const name of Object.keys(files)) {
    const path = posix.normalize(name.replace(/\\/g, '/'));
    if (path.startsWith('/') || path === '..' || path.startsWith('../')) throw unreadable();
  }
  return files;
}

export function digest(zip: Buffer): { sha256: string; sha256Hex: string } {
  const hash = createHash('sha256').update(zip).digest();
  return { sha256: hash.toString('base64'), sha256Hex: hash.toString('hex') };
}
