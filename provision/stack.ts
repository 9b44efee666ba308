/** The names and shapes of the chat stack (APP-SPEC.md), shared by every step. */
export const STACK = {
  tag: { key: 'app', value: 'serverless-chat' },
  tables: {
    messages: 'Chat-Messages',
    conversations: 'Chat-Conversations',
    conversationsByUser: 'Username-ConversationId-index',
  },
  roles: {
    chat: 'Lambda-Role-ChatApp',
    cognito: 'Lambda-Cognito',
  },
  userPool: 'ChatPool',
  userPoolClient: 'chatapp',
  api: 'Chat-API',
  stage: 'prod',
  authorizer: 'Cognito',
} as const;

export type FunctionName =
  | 'Chat-Conversation-GET'
  | 'Chat-Conversation-POST'
  | 'Chat-Messages-GET'
  | 'Chat-Messages-POST'
  | 'Chat-Users-GET';

export interface FunctionSpec {
  name: FunctionName;
  /** Entry file under handlers/. */
  entry: string;
  role: keyof typeof STACK.roles;
}

export const FUNCTIONS: FunctionSpec[] = [
  { name: 'Chat-Conversation-GET', entry: 'conversations-get.ts', role: 'chat' },
  { name: 'Chat-Conversation-POST', entry: 'conversations-post.ts', role: 'chat' },
  { name: 'Chat-Messages-GET', entry: 'messages-get.ts', role: 'chat' },
  { name: 'Chat-Messages-POST', entry: 'messages-post.ts', role: 'chat' },
  { name: 'Chat-Users-GET', entry: 'users-get.ts', role: 'cognito' },
];

export interface RouteSpec {
  path: '/conversations' | '/conversations/{id}' | '/users';
  method: 'GET' | 'POST';
  function: FunctionName;
}

export const ROUTES: RouteSpec[] = [
  { path: '/conversations', method: 'GET', function: 'Chat-Conversation-GET' },
  { path: '/conversations', method: 'POST', function: 'Chat-Conversation-POST' },
  { path: '/conversations/{id}', method: 'GET', function: 'Chat-Messages-GET' },
  { path: '/conversations/{id}', method: 'POST', function: 'Chat-Messages-POST' },
  { path: '/users', method: 'GET', function: 'Chat-Users-GET' },
];

export const CORS = {
  allowOrigin: '*',
  allowHeaders: 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
};

/** The bucket name must be unique across AWS: account and region make it so. */
export function websiteBucketName(account: string, region: string): string {
  return `chat-website-${account}-${region}`;
}
