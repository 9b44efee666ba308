import { createHash } from 'node:crypto';
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

/** Decodes and checks a deployment package given inline (Code.ZipFile, base64 on the wire). */
export function readCode(code: FunctionCodeInput | undefined, member = 'code'): CodePackage {
  if (!code || typeof code !== 'object') throw new ValidationException(validationMessage(member, undefined, 'Member must not be null'));
  if (code.ImageUri)
    throw new InvalidParameterValueException('The local cloud runs zip-packaged functions only: ImageUri is not supported yet.');
  if (code.S3Bucket || code.S3Key) {
    throw new InvalidParameterValueException(
      'The local cloud takes function code from ZipFile only: S3Bucket/S3Key code locations are not supported yet.',
    );
  }
  if (typeof code.ZipFile !== 'string' || !code.ZipFile) {
    throw new InvalidParameterValueException('Please provide a source for function code.');
  }
  const zip = Buffer.from(code.ZipFile, 'base64');
  if (zip.length > MAX_ZIPPED) throw new RequestTooLargeException(`Zipped size must be smaller than ${MAX_ZIPPED} bytes`);
  return { zip, files: unpack(zip), ...digest(zip), size: zip.length };
}

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
    throw new InvalidParameterValueException('Could not unzip uploaded file. Please check your file, then try to upload again.');
  }
  return files;
}

export function digest(zip: Buffer): { sha256: string; sha256Hex: string } {
  const hash = createHash('sha256').update(zip).digest();
  return { sha256: hash.toString('base64'), sha256Hex: hash.toString('hex') };
}
