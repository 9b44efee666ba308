import type { UpdateFunctionCodeCommandInput, UpdateFunctionCodeCommandOutput } from '@aws-sdk/client-lambda';
import { readCode } from '../code.js';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation, Wire } from '../context.js';
import { revisionMismatch } from '../errors.js';
import { LATEST, lambdaDate, newRevisionId, publishVersion, type VersionConfig } from '../state.js';
import { validateArchitectures } from '../validation.js';

/** Replaces the code of `$LATEST`: its warm environments are stopped, the next invocation starts cold. */
export const UpdateFunctionCode: LambdaOperation<Wire<UpdateFunctionCodeCommandInput>, UpdateFunctionCodeCommandOutput> = (input, ctx) => {
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const latest = fn.versions[LATEST]!;
  if (input.RevisionId && input.RevisionId !== latest.revisionId) throw revisionMismatch();
  const code = readCode(
    {
      ZipFile: input.ZipFile,
      S3Bucket: input.S3Bucket,
      S3Key: input.S3Key,
      S3ObjectVersion: input.S3ObjectVersion,
      ImageUri: input.ImageUri,
    },
    ctx.runner.readS3,
    'zipFile',
  );
  const updated: VersionConfig = {
    ...latest,
    codeSha256: code.sha256,
    codeSha256Hex: code.sha256Hex,
    codeSize: code.size,
    ...(input.Architectures ? { architectures: validateArchitectures(input.Architectures) } : {}),
    lastModified: lambdaDate(),
    revisionId: newRevisionId(),
  };
  const options = { account: functions.account, region: functions.region, name: fn.name };
  if (input.DryRun) return toConfiguration(updated, options);

  const previous = Object.values(fn.versions).map((v) => v.codeSha256Hex);
  ctx.runner.keepCode(functions, fn.name, code);
  fn.versions[LATEST] = updated;
  const returned = input.Publish ? publishVersion(fn) : updated;
  functions.put(fn);
  functions.pruneCode(fn, previous);
  ctx.runner.retire(functions, fn.name, LATEST);
  return toConfiguration(returned, options);
};
