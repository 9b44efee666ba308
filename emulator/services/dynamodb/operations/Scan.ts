import type { ScanCommandInput, ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const Scan: DynamoOperation<ScanCommandInput, ScanCommandOutput> = (input, { db }) => db.direct('Scan', input);
