import type * as StsSdk from '@aws-sdk/client-sts';
import type { Operation } from '../../../protocols/aws-json.js';
import { AssumeRole } from './AssumeRole.js';
import type { StsContext } from './context.js';
import { GetAccessKeyInfo } from './GetAccessKeyInfo.js';
import { GetCallerIdentity } from './GetCallerIdentity.js';

/** Every STS operation name the SDK knows (from its `<Name>Command` exports). */
export type StsCommandName = { [K in keyof typeof StsSdk]: K extends `${infer N}Command` ? N : never }[keyof typeof StsSdk];

/** The implemented operations, keyed by AWS name (a misspelt name fails the type check). */
export const OPERATIONS = { AssumeRole, GetAccessKeyInfo, GetCallerIdentity } satisfies Partial<
  Record<StsCommandName, Operation<any, unknown, StsContext>>
>;
