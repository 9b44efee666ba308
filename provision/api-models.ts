import type { ModelName } from './stack.js';

/** The API's models (JSON Schema draft-04), as API Gateway stores and validates them. */
export const MODELS: Record<ModelName, object> = {
  ConversationList: {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'ConversationList',
    type: 'array',
    items: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        participants: { type: 'array', items: { type: 'string' } },
        last: { type: 'number', format: 'utc-millisec' },
      },
      required: ['id', 'participants'],
    },
  },
  Conversation: {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'Conversation',
    type: 'object',
    properties: {
      id: { type: 'string' },
      participants: { type: 'array', items: { type: 'string' } },
      last: { type: 'number', format: 'utc-millisec' },
      messages: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            sender: { type: 'string' },
            time: { type: 'number', format: 'utc-millisec' },
            message: { type: 'string' },
          },
          required: ['sender', 'time', 'message'],
        },
      },
    },
    required: ['id', 'participants', 'messages'],
  },
  NewMessage: {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'NewMessage',
    type: 'string',
    minLength: 1,
    maxLength: 10000,
  },
  NewConversation: {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'NewConversation',
    type: 'array',
    minItems: 1,
    maxItems: 49,
    items: { type: 'string', minLength: 1, maxLength: 128 },
  },
  ConversationId: { $schema: 'http://json-schema.org/draft-04/schema#', title: 'ConversationId', type: 'string' },
  UserList: { $schema: 'http://json-schema.org/draft-04/schema#', title: 'UserList', type: 'array', items: { type: 'string' } },
  Me: {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'Me',
    type: 'object',
    properties: { username: { type: 'string' }, email: { type: 'string' } },
    required: ['username'],
  },
};
