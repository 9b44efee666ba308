function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** Table names and the pool id come from the function's environment, set by the provisioner. */
export const env = {
  messagesTable: () => process.env.MESSAGES_TABLE ?? 'Chat-Messages',
  conversationsTable: () => process.env.CONVERSATIONS_TABLE ?? 'Chat-Conversations',
  conversationsByUserIndex: () => process.env.CONVERSATIONS_INDEX ?? 'Username-ConversationId-index',
  userPoolId: () => required('USER_POOL_ID'),
};
