import type { FunctionConfiguration, ListFunctionsCommandInput, ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation } from '../context.js';
import { InvalidParameterValueException, ValidationException, validationMessage } from '../errors.js';
import { LATEST } from '../state.js';

/** Query parameters arrive as text. */
type Input = Omit<ListFunctionsCommandInput, 'MaxItems'> & { MaxItems?: number | string };

export const ListFunctions: LambdaOperation<Input, ListFunctionsCommandOutput> = (input, ctx) => {
  const maxItems = input.MaxItems === undefined ? 50 : Number(input.MaxItems);
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10_000) {
    const constraint =
      maxItems > 10_000 ? 'Member must have value less than or equal to 10000' : 'Member must have value greater than or equal to 1';
    throw new ValidationException(validationMessage('maxItems', String(input.MaxItems), constraint));
  }
  if (input.FunctionVersion !== undefined && input.FunctionVersion !== 'ALL') {
    throw new ValidationException(validationMessage('functionVersion', input.FunctionVersion, 'Member must satisfy enum value set: [ALL]'));
  }
  const all: Array<{ key: string; config: FunctionConfiguration }> = [];
  const functions = ctx.runner.functions(ctx.account, ctx.region);
  for (const fn of functions.list()) {
    const versions = input.FunctionVersion === 'ALL' ? Object.values(fn.versions) : [fn.versions[LATEST]!];
    for (const config of versions) {
      all.push({
        key: `${fn.name}:${config.version}`,
        config: toConfiguration(config, { account: ctx.account, region: ctx.region, name: fn.name, forList: true }),
      });
    }
  }
  let start = 0;
  if (input.Marker) {
    const after = decodeMarker(input.Marker);
    const at = all.findIndex((item) => item.key === after);
    // The marked function may have been deleted since: continue with the next name.
    start =
      at >= 0 ? at + 1 : all.findIndex((item) => item.key.slice(0, item.key.lastIndexOf(':')) > after.slice(0, after.lastIndexOf(':')));
    if (start < 0) start = all.length;
  }
  const page = all.slice(start, start + maxItems);
  return {
    Functions: page.map((item) => item.config),
    ...(start + maxItems < all.length ? { NextMarker: encodeMarker(page[page.length - 1]!.key) } : {}),
  };
};

function encodeMarker(key: string): string {
  return Buffer.from(key).toString('base64url');
}

function decodeMarker(marker: string): string {
  const key = Buffer.from(marker, 'base64url').toString('utf8');
  if (!key.includes(':')) throw new InvalidParameterValueException('Invalid Marker value.');
  return key;
}
