/** The names and shapes of the chat stack (APP-SPEC.md), shared by every step. */
export const STACK = {
  tag: { key: 'app', value: 'serverless-chat' },
  tables: {
    messages: 'Chat-Messages',
    conversations: 'Chat-Conversations',
    conversationsByUser: 'Username-ConversationId-index',
    /** Chat-Messages' stream: the keys of each new message are all Chat-Messages-Stream needs. */
    messagesStreamView: 'KEYS_ONLY',
  },
  roles: {
    chat: 'Lambda-Role-ChatApp',
    cognito: 'Lambda-Cognito',
    basic: 'Lambda-Basic',
    stream: 'Lambda-Role-ChatStream',
  },
  userPool: 'ChatPool',
  userPoolClient: 'chatapp',
  api: 'Chat-API',
  stage: 'prod',
  /** Stages and the alias each one serves, named in the integration URIs through a stage variable. */
  stages: { prod: 'live', dev: 'dev' },
  aliasVariable: 'alias',
  authorizer: 'Cognito',
  bodyValidator: 'Validate body',
} as const;

export type FunctionName =
  | 'Chat-Conversation-GET'
  | 'Chat-Conversation-POST'
  | 'Chat-Messages-GET'
  | 'Chat-Messages-POST'
  | 'Chat-Users-GET'
  | 'Chat-Me-GET'
  | 'Chat-PreSignUp'
  | 'Chat-Messages-Stream';

export interface FunctionSpec {
  name: FunctionName;
  /** Entry file under handlers/. */
  entry: string;
  role: keyof typeof STACK.roles;
  /** A user pool trigger rather than an API route's function. */
  trigger?: 'PreSignUp';
  /** Fed by an event source mapping on this table's stream rather than called by a route. */
  stream?: typeof STACK.tables.messages;
}

export const FUNCTIONS: FunctionSpec[] = [
  { name: 'Chat-Conversation-GET', entry: 'conversations-get.ts', role: 'chat' },
  { name: 'Chat-Conversation-POST', entry: 'conversations-post.ts', role: 'chat' },
  { name: 'Chat-Messages-GET', entry: 'messages-get.ts', role: 'chat' },
  { name: 'Chat-Messages-POST', entry: 'messages-post.ts', role: 'chat' },
  { name: 'Chat-Users-GET', entry: 'users-get.ts', role: 'cognito' },
  { name: 'Chat-Me-GET', entry: 'me-get.ts', role: 'basic' },
  { name: 'Chat-PreSignUp', entry: 'pre-sign-up.ts', role: 'basic', trigger: 'PreSignUp' },
  { name: 'Chat-Messages-Stream', entry: 'messages-stream.ts', role: 'stream', stream: STACK.tables.messages },
];

/** How the stream's event source mapping reads: the oldest records first on creation, up to 100 a batch. */
export const STREAM_MAPPING = { batchSize: 100, startingPosition: 'TRIM_HORIZON' } as const;

export type ModelName = 'ConversationList' | 'Conversation' | 'NewMessage' | 'NewConversation' | 'ConversationId' | 'UserList' | 'Me';

/**
 * The course's final arc: every chat route in mapping mode (a request template builds the
 * function's event; integration responses map errors to statuses), and `GET /me` kept in Lambda
 * proxy mode so both integration styles stay exercised.
 */
export type RouteSpec = {
  path: '/conversations' | '/conversations/{id}' | '/users' | '/me';
  method: 'GET' | 'POST';
  function: FunctionName;
  /** Optional query string parameters, declared on the method (and so in the export). */
  query?: string[];
} & (
  | { mode: 'mapping'; requestModel?: ModelName; responseModel?: ModelName; successStatus: '200' | '204'; template: string }
  | { mode: 'proxy' }
);

// Templates build one JSON object for the function. Bodies go in through $input.json, which
// re-serialises them, so a quote in a message cannot break the JSON (the course pasted them raw).
// Strings from the path, query and claims are URL-encoded: escapeJavaScript turns ' into \', which
// is not JSON; the function decodes them.
const CALLER = `"cognitoUsername": "$util.urlEncode($context.authorizer.claims['cognito:username'])"`;
const ID = `"id": "$util.urlEncode($input.params('id'))"`;

export const ROUTES: RouteSpec[] = [
  {
    path: '/conversations',
    method: 'GET',
    function: 'Chat-Conversation-GET',
    mode: 'mapping',
    responseModel: 'ConversationList',
    successStatus: '200',
    template: `{${CALLER}}`,
  },
  {
    path: '/conversations',
    method: 'POST',
    function: 'Chat-Conversation-POST',
    mode: 'mapping',
    requestModel: 'NewConversation',
    responseModel: 'ConversationId',
    successStatus: '200',
    template: `{${CALLER}, "users": $input.json('$')}`,
  },
  {
    path: '/conversations/{id}',
    method: 'GET',
    function: 'Chat-Messages-GET',
    query: ['since'],
    mode: 'mapping',
    responseModel: 'Conversation',
    successStatus: '200',
    template: `{${CALLER}, ${ID}, "since": "$util.urlEncode($input.params('since'))"}`,
  },
  {
    path: '/conversations/{id}',
    method: 'POST',
    function: 'Chat-Messages-POST',
    mode: 'mapping',
    requestModel: 'NewMessage',
    successStatus: '204',
    template: `{${CALLER}, ${ID}, "message": $input.json('$')}`,
  },
  {
    path: '/users',
    method: 'GET',
    function: 'Chat-Users-GET',
    mode: 'mapping',
    responseModel: 'UserList',
    successStatus: '200',
    template: `{${CALLER}}`,
  },
  { path: '/me', method: 'GET', function: 'Chat-Me-GET', mode: 'proxy' },
];

/** Statuses a mapping-mode function reports by prefixing its error message ("[403] {...}"). */
export const ERROR_STATUSES = ['400', '401', '403', '404'] as const;

export const CORS = {
  allowOrigin: '*',
  allowHeaders: 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
};

/** The bucket name must be unique across AWS: account and region make it so. */
export function websiteBucketName(account: string, region: string): string {
  return `chat-website-${account}-${region}`;
}
