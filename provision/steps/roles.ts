import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { isNamed } from '../progress.js';
import { STACK } from '../stack.js';
import type { Clients } from '../target.js';

const BASIC_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export interface RoleSpec {
  name: string;
  inline?: { name: string; policy: object };
}

/**
 * Least privilege: the chat functions read and write the two tables and the index (a conversation
 * is created by TransactWriteItems, which needs PutItem on each table it writes), and check that
 * users exist.
 */
export function chatRole(tableArns: { messages: string; conversations: string }, userPoolArn: string): RoleSpec {
  return {
    name: STACK.roles.chat,
    inline: {
      name: 'chat-data',
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:PutItem', 'dynamodb:Query'],
            Resource: [tableArns.messages, tableArns.conversations, `${tableArns.conversations}/index/${STACK.tables.conversationsByUser}`],
          },
          { Effect: 'Allow', Action: ['cognito-idp:AdminGetUser'], Resource: [userPoolArn] },
        ],
      },
    },
  };
}

/** Chat-Messages-Stream: reads the messages stream and moves LastMessageAt on the participants' conversation items. */
export function streamRole(tableArns: { messages: string; conversations: string }): RoleSpec {
  return {
    name: STACK.roles.stream,
    inline: {
      name: 'messages-stream',
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
            Resource: [`${tableArns.messages}/stream/*`],
          },
          { Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:UpdateItem'], Resource: [tableArns.conversations] },
        ],
      },
    },
  };
}

export function cognitoRole(userPoolArn: string): RoleSpec {
  return {
    name: STACK.roles.cognito,
    inline: {
      name: 'list-users',
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['cognito-idp:ListUsers'], Resource: [userPoolArn] }] },
    },
  };
}

/** Logs only: for functions that call no other service. */
export function basicRole(): RoleSpec {
  return { name: STACK.roles.basic };
}

/** Creates the role (or brings its trust policy up to date), attaches basic execution and puts the inline policy. Returns the ARN. */
export async function ensureRole(clients: Clients, spec: RoleSpec): Promise<string> {
  let arn: string;
  try {
    const { Role } = await clients.iam.send(
      new CreateRoleCommand({
        RoleName: spec.name,
        AssumeRolePolicyDocument: LAMBDA_TRUST,
        Tags: [{ Key: STACK.tag.key, Value: STACK.tag.value }],
      }),
    );
    arn = Role!.Arn!;
  } catch (err) {
    if (!isNamed(err, 'EntityAlreadyExistsException', 'EntityAlreadyExists')) throw err;
    await clients.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: spec.name, PolicyDocument: LAMBDA_TRUST }));
    const { Role } = await clients.iam.send(new GetRoleCommand({ RoleName: spec.name }));
    arn = Role!.Arn!;
  }
  await clients.iam.send(new AttachRolePolicyCommand({ RoleName: spec.name, PolicyArn: BASIC_EXECUTION }));
  if (spec.inline) {
    await clients.iam.send(
      new PutRolePolicyCommand({ RoleName: spec.name, PolicyName: spec.inline.name, PolicyDocument: JSON.stringify(spec.inline.policy) }),
    );
  }
  return arn;
}
