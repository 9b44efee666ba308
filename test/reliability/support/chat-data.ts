import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { STACK } from '../../../provision/stack.js';
import type { ChatStack } from './chat-stack.js';

async function scanAll(stack: ChatStack, table: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await stack.dynamodb.send(new ScanCommand({ TableName: table, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Everything the chat keeps (both tables and the users), to check that a request wrote nothing. */
export async function chatData(stack: ChatStack): Promise<unknown> {
  const users: string[] = [];
  let PaginationToken: string | undefined;
  do {
    const page = await stack.cognito.send(new ListUsersCommand({ UserPoolId: stack.outputs.userPoolId, PaginationToken }));
    for (const user of page.Users ?? []) users.push(`${user.Username}:${user.UserStatus}`);
    PaginationToken = page.PaginationToken;
  } while (PaginationToken);
  return {
    messages: await scanAll(stack, STACK.tables.messages),
    conversations: await scanAll(stack, STACK.tables.conversations),
    users: users.sort(),
  };
}
