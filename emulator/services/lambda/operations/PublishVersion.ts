import type { PublishVersionCommandInput, PublishVersionCommandOutput } from '@aws-sdk/client-lambda';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation } from '../context.js';
import { InvalidParameterValueException, revisionMismatch } from '../errors.js';
import { LATEST, publishVersion } from '../state.js';
import { validateDescription } from '../validation.js';

/**
 * Publishes an immutable snapshot of the code and configuration of `$LATEST` as the next version
 * number; when nothing changed since the newest version, that version is returned instead.
 */
export const PublishVersion: LambdaOperation<PublishVersionCommandInput, PublishVersionCommandOutput> = (input, ctx) => {
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const description = input.Description === undefined ? undefined : validateDescription(input.Description);
  const latest = fn.versions[LATEST]!;
  if (input.RevisionId && input.RevisionId !== latest.revisionId) throw revisionMismatch();
  if (input.CodeSha256 && input.CodeSha256 !== latest.codeSha256) {
    throw new InvalidParameterValueException(
      `CodeSHA256 (${input.CodeSha256}) is different from current CodeSHA256 in $LATEST (${latest.codeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
    );
  }
  const version = publishVersion(fn, description);
  functions.put(fn);
  return toConfiguration(version, { account: functions.account, region: functions.region, name: fn.name });
};
