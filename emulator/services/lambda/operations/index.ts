import type { Lambda } from '@aws-sdk/client-lambda';
import type { RestRoute } from '../../../protocols/rest-json.js';
import type { LambdaContext } from '../context.js';
import { AddPermission } from './AddPermission.js';
import { CreateFunction } from './CreateFunction.js';
import { DeleteFunction } from './DeleteFunction.js';
import { GetFunction } from './GetFunction.js';
import { GetFunctionConfiguration } from './GetFunctionConfiguration.js';
import { GetPolicy } from './GetPolicy.js';
import { Invoke } from './Invoke.js';
import { ListFunctions } from './ListFunctions.js';
import { RemovePermission } from './RemovePermission.js';
import { UpdateFunctionCode } from './UpdateFunctionCode.js';
import { UpdateFunctionConfiguration } from './UpdateFunctionConfiguration.js';

/** Every Lambda operation name, as the SDK spells it. */
export type LambdaOperationName = Capitalize<Exclude<keyof Lambda, `paginate${string}` | `waitUntil${string}`>>;

const FUNCTION = '/2015-03-31/functions/{FunctionName}';
const QUALIFIER = { Qualifier: 'Qualifier' };

/** The restJson1 routes, keyed by the AWS operation name (paths and success codes as in the Lambda model). */
const TABLE = {
  CreateFunction: { method: 'POST', path: '/2015-03-31/functions', status: 201, handler: CreateFunction },
  ListFunctions: {
    method: 'GET',
    path: '/2015-03-31/functions',
    query: { MasterRegion: 'MasterRegion', FunctionVersion: 'FunctionVersion', Marker: 'Marker', MaxItems: 'MaxItems' },
    handler: ListFunctions,
  },
  GetFunction: { method: 'GET', path: FUNCTION, query: QUALIFIER, handler: GetFunction },
  DeleteFunction: { method: 'DELETE', path: FUNCTION, query: QUALIFIER, status: 204, handler: DeleteFunction },
  GetFunctionConfiguration: { method: 'GET', path: `${FUNCTION}/configuration`, query: QUALIFIER, handler: GetFunctionConfiguration },
  UpdateFunctionConfiguration: { method: 'PUT', path: `${FUNCTION}/configuration`, handler: UpdateFunctionConfiguration },
  UpdateFunctionCode: { method: 'PUT', path: `${FUNCTION}/code`, handler: UpdateFunctionCode },
  AddPermission: { method: 'POST', path: `${FUNCTION}/policy`, query: QUALIFIER, status: 201, handler: AddPermission },
  GetPolicy: { method: 'GET', path: `${FUNCTION}/policy`, query: QUALIFIER, handler: GetPolicy },
  RemovePermission: {
    method: 'DELETE',
    path: `${FUNCTION}/policy/{StatementId}`,
    query: { Qualifier: 'Qualifier', RevisionId: 'RevisionId' },
    status: 204,
    handler: RemovePermission,
  },
  Invoke: {
    method: 'POST',
    path: `${FUNCTION}/invocations`,
    query: QUALIFIER,
    headers: {
      'x-amz-invocation-type': 'InvocationType',
      'x-amz-log-type': 'LogType',
      'x-amz-client-context': 'ClientContext',
    },
    rawBody: 'Payload',
    handler: Invoke,
  },
} satisfies Partial<Record<LambdaOperationName, Omit<RestRoute<LambdaContext>, 'operation'>>>;

export const ROUTES: RestRoute<LambdaContext>[] = Object.entries(TABLE).map(([operation, route]) => ({ operation, ...route }));
