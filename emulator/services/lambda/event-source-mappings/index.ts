import type { LambdaRouteTable } from '../operations/routes.js';
import { CreateEventSourceMapping } from './operations/CreateEventSourceMapping.js';
import { DeleteEventSourceMapping } from './operations/DeleteEventSourceMapping.js';
import { GetEventSourceMapping } from './operations/GetEventSourceMapping.js';
import { ListEventSourceMappings } from './operations/ListEventSourceMappings.js';
import { UpdateEventSourceMapping } from './operations/UpdateEventSourceMapping.js';

export { EventSourceMappings } from './manager.js';

const MAPPINGS = '/2015-03-31/event-source-mappings';

/**
 * Event source mappings from DynamoDB streams (restJson1, /2015-03-31/event-source-mappings).
 * Other sources (SQS, Kinesis, Kafka, MQ, DocumentDB), filter criteria, on-failure destinations,
 * bisecting failed batches, tumbling windows, parallelization above 1, AT_TIMESTAMP, tags and
 * metrics of mappings are not emulated yet.
 */
export const EVENT_SOURCE_MAPPINGS = {
  CreateEventSourceMapping: { method: 'POST', path: MAPPINGS, status: 202, handler: CreateEventSourceMapping },
  ListEventSourceMappings: {
    method: 'GET',
    path: MAPPINGS,
    query: { EventSourceArn: 'EventSourceArn', FunctionName: 'FunctionName', Marker: 'Marker', MaxItems: 'MaxItems' },
    handler: ListEventSourceMappings,
  },
  GetEventSourceMapping: { method: 'GET', path: `${MAPPINGS}/{UUID}`, handler: GetEventSourceMapping },
  UpdateEventSourceMapping: { method: 'PUT', path: `${MAPPINGS}/{UUID}`, status: 202, handler: UpdateEventSourceMapping },
  DeleteEventSourceMapping: { method: 'DELETE', path: `${MAPPINGS}/{UUID}`, status: 202, handler: DeleteEventSourceMapping },
} satisfies LambdaRouteTable;
