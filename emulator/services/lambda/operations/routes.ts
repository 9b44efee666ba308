import type { Lambda } from '@aws-sdk/client-lambda';
import type { RestRoute } from '../../../protocols/rest-json.js';
import type { LambdaContext } from '../context.js';

/** Every Lambda operation name, as the SDK spells it. */
export type LambdaOperationName = Capitalize<Exclude<keyof Lambda, `paginate${string}` | `waitUntil${string}`>>;

/** A restJson1 route (method, path and success code as in the Lambda model); the table key names its operation. */
export type LambdaRouteSpec = Omit<RestRoute<LambdaContext>, 'operation'>;

/** Routes keyed by AWS operation name: a misspelt name fails the type check. */
export type LambdaRouteTable = Partial<Record<LambdaOperationName, LambdaRouteSpec>>;

export const routesOf = (table: LambdaRouteTable): RestRoute<LambdaContext>[] =>
  Object.entries(table).map(([operation, route]) => ({ operation, ...route }));

export const FUNCTION_PATH = '/2015-03-31/functions/{FunctionName}';
export const QUALIFIER_QUERY = { Qualifier: 'Qualifier' };
export const LIST_QUERY = { Marker: 'Marker', MaxItems: 'MaxItems' };
