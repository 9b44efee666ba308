import type { RestRoute } from '../../../protocols/rest-json.js';
import type { LambdaContext } from '../context.js';
import { EVENT_SOURCE_MAPPINGS } from '../event-source-mappings/index.js';
import { AddPermission } from './AddPermission.js';
import { CreateAlias } from './CreateAlias.js';
import { CreateFunction } from './CreateFunction.js';
import { DeleteAlias } from './DeleteAlias.js';
import { DeleteFunction } from './DeleteFunction.js';
import { DeleteFunctionConcurrency } from './DeleteFunctionConcurrency.js';
import { GetAccountSettings } from './GetAccountSettings.js';
import { GetAlias } from './GetAlias.js';
import { GetFunction } from './GetFunction.js';
import { GetFunctionConcurrency } from './GetFunctionConcurrency.js';
import { GetFunctionConfiguration } from './GetFunctionConfiguration.js';
import { GetPolicy } from './GetPolicy.js';
import { Invoke } from './Invoke.js';
import { ListAliases } from './ListAliases.js';
import { ListFunctions } from './ListFunctions.js';
import { ListTags } from './ListTags.js';
import { ListVersionsByFunction } from './ListVersionsByFunction.js';
import { PublishVersion } from './PublishVersion.js';
import { PutFunctionConcurrency } from './PutFunctionConcurrency.js';
import { RemovePermission } from './RemovePermission.js';
import { FUNCTION_PATH as FUNCTION, type LambdaRouteTable, LIST_QUERY, QUALIFIER_QUERY as QUALIFIER, routesOf } from './routes.js';
import { TagResource } from './TagResource.js';
import { UntagResource } from './UntagResource.js';
import { UpdateAlias } from './UpdateAlias.js';
import { UpdateFunctionCode } from './UpdateFunctionCode.js';
import { UpdateFunctionConfiguration } from './UpdateFunctionConfiguration.js';

export type { LambdaOperationName, LambdaRouteTable } from './routes.js';

const FUNCTIONS = {
  CreateFunction: { method: 'POST', path: '/2015-03-31/functions', status: 201, handler: CreateFunction },
  ListFunctions: {
    method: 'GET',
    path: '/2015-03-31/functions',
    query: { MasterRegion: 'MasterRegion', FunctionVersion: 'FunctionVersion', ...LIST_QUERY },
    handler: ListFunctions,
  },
  GetFunction: { method: 'GET', path: FUNCTION, query: QUALIFIER, handler: GetFunction },
  DeleteFunction: { method: 'DELETE', path: FUNCTION, query: QUALIFIER, status: 204, handler: DeleteFunction },
  GetFunctionConfiguration: { method: 'GET', path: `${FUNCTION}/configuration`, query: QUALIFIER, handler: GetFunctionConfiguration },
  UpdateFunctionConfiguration: { method: 'PUT', path: `${FUNCTION}/configuration`, handler: UpdateFunctionConfiguration },
  UpdateFunctionCode: { method: 'PUT', path: `${FUNCTION}/code`, handler: UpdateFunctionCode },
  GetAccountSettings: { method: 'GET', path: '/2016-08-19/account-settings', handler: GetAccountSettings },
} satisfies LambdaRouteTable;

const VERSIONS_AND_ALIASES = {
  PublishVersion: { method: 'POST', path: `${FUNCTION}/versions`, status: 201, handler: PublishVersion },
  ListVersionsByFunction: { method: 'GET', path: `${FUNCTION}/versions`, query: LIST_QUERY, handler: ListVersionsByFunction },
  CreateAlias: { method: 'POST', path: `${FUNCTION}/aliases`, status: 201, handler: CreateAlias },
  ListAliases: {
    method: 'GET',
    path: `${FUNCTION}/aliases`,
    query: { FunctionVersion: 'FunctionVersion', ...LIST_QUERY },
    handler: ListAliases,
  },
  GetAlias: { method: 'GET', path: `${FUNCTION}/aliases/{Name}`, handler: GetAlias },
  UpdateAlias: { method: 'PUT', path: `${FUNCTION}/aliases/{Name}`, handler: UpdateAlias },
  DeleteAlias: { method: 'DELETE', path: `${FUNCTION}/aliases/{Name}`, status: 204, handler: DeleteAlias },
} satisfies LambdaRouteTable;

const PERMISSIONS = {
  AddPermission: { method: 'POST', path: `${FUNCTION}/policy`, query: QUALIFIER, status: 201, handler: AddPermission },
  GetPolicy: { method: 'GET', path: `${FUNCTION}/policy`, query: QUALIFIER, handler: GetPolicy },
  RemovePermission: {
    method: 'DELETE',
    path: `${FUNCTION}/policy/{StatementId}`,
    query: { Qualifier: 'Qualifier', RevisionId: 'RevisionId' },
    status: 204,
    handler: RemovePermission,
  },
} satisfies LambdaRouteTable;

const CONCURRENCY = {
  PutFunctionConcurrency: { method: 'PUT', path: '/2017-10-31/functions/{FunctionName}/concurrency', handler: PutFunctionConcurrency },
  GetFunctionConcurrency: { method: 'GET', path: '/2019-09-30/functions/{FunctionName}/concurrency', handler: GetFunctionConcurrency },
  DeleteFunctionConcurrency: {
    method: 'DELETE',
    path: '/2017-10-31/functions/{FunctionName}/concurrency',
    status: 204,
    handler: DeleteFunctionConcurrency,
  },
} satisfies LambdaRouteTable;

const TAGS = {
  TagResource: { method: 'POST', path: '/2017-03-31/tags/{Resource}', status: 204, handler: TagResource },
  UntagResource: {
    method: 'DELETE',
    path: '/2017-03-31/tags/{Resource}',
    query: { tagKeys: 'TagKeys' },
    status: 204,
    handler: UntagResource,
  },
  ListTags: { method: 'GET', path: '/2017-03-31/tags/{Resource}', handler: ListTags },
} satisfies LambdaRouteTable;

const INVOCATION = {
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
} satisfies LambdaRouteTable;

/**
 * Every restJson1 route of the service, one table per group of operations. A new group (say,
 * event source mappings in a folder of their own) declares its `LambdaRouteTable` there and is
 * added to this list.
 */
export const ROUTES: RestRoute<LambdaContext>[] = [
  FUNCTIONS,
  VERSIONS_AND_ALIASES,
  PERMISSIONS,
  CONCURRENCY,
  TAGS,
  INVOCATION,
  EVENT_SOURCE_MAPPINGS,
].flatMap(routesOf);
