import type { StreamRecordData } from '../../dynamodb/index.js';

/** The event a function receives for a batch of DynamoDB stream records, as Lambda shapes it. */
export function dynamoDbEvent(records: StreamRecordData[], streamArn: string): { Records: Record<string, unknown>[] } {
  return {
    Records: records.map((record) => ({
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: record.eventVersion,
      eventSource: record.eventSource,
      awsRegion: record.awsRegion,
      dynamodb: record.dynamodb,
      eventSourceARN: streamArn,
      ...(record.userIdentity ? { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } } : {}),
    })),
  };
}

/**
 * With ReportBatchItemFailures, a function answers `{"batchItemFailures": [{"itemIdentifier": <SequenceNumber>}]}`.
 * Returns how many records, from the start of the batch, succeeded; a malformed answer fails the whole batch.
 */
export function succeededPrefix(payload: Buffer, records: StreamRecordData[]): number {
  let answer: unknown;
  try {
    answer = JSON.parse(payload.toString('utf8') || 'null');
  } catch {
    return records.length;
  }
  const failures = (answer as { batchItemFailures?: unknown } | null)?.batchItemFailures;
  if (failures === undefined || failures === null) return records.length;
  if (!Array.isArray(failures)) return 0;
  let first = records.length;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = typeof id === 'string' ? records.findIndex((r) => r.dynamodb.SequenceNumber === id) : -1;
    if (index < 0) return 0;
    first = Math.min(first, index);
  }
  return first;
}
