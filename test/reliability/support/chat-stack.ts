import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { StackOutputs } from '../../../provision/outputs.js';
import { provision } from '../../../provision/provision.js';
import { startTestCloud, type TestCloud } from '../../local-cloud.js';

/** A local cloud with the whole chat stack provisioned into it, and clients to look behind the API. */
export interface ChatStack {
  cloud: TestCloud;
  outputs: StackOutputs;
  cognito: CognitoIdentityProviderClient;
  dynamodb: DynamoDBClient;
  close(): Promise<void>;
}

/** Starts a local cloud (in a temporary state directory when `persist`) and provisions the chat stack into it. */
export async function startChatStack(options: { persist?: boolean } = {}): Promise<ChatStack> {
  const cloud = await startTestCloud({ persist: options.persist });
  try {
    const outputs = await provision({ name: 'local', endpoint: cloud.url, region: 'us-east-1' }, () => {});
    return {
      cloud,
      outputs,
      cognito: new CognitoIdentityProviderClient(cloud.clientConfig),
      dynamodb: new DynamoDBClient(cloud.clientConfig),
      close: () => cloud.close(),
    };
  } catch (err) {
    await cloud.close();
    throw err;
  }
}
