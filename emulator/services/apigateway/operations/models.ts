import type { Model } from '@aws-sdk/client-api-gateway';
import { randomLowerId } from '../../../core/ids.js';
import type { Wire } from '../model.js';

/** Every new REST API comes with the `Empty` and `Error` models. */
export function defaultModels(): Record<string, Wire<Model>> {
  return {
    Empty: {
      id: randomLowerId(6),
      name: 'Empty',
      contentType: 'application/json',
      description: 'This is a default empty schema model',
      schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', title: 'Empty Schema', type: 'object' }, null, 2),
    },
    Error: {
      id: randomLowerId(6),
      name: 'Error',
      contentType: 'application/json',
      description: 'This is a default error schema model',
      schema: JSON.stringify(
        {
          $schema: 'http://json-schema.org/draft-04/schema#',
          title: 'Error Schema',
          type: 'object',
          properties: { message: { type: 'string' } },
        },
        null,
        2,
      ),
    },
  };
}
