import type { EventSourceMappingConfiguration, FunctionResponseType } from '@aws-sdk/client-lambda';
import type { MappingRecord } from './state.js';

export type MappingState = 'Creating' | 'Enabled' | 'Disabled' | 'Updating' | 'Deleting';

export function mappingArn(mapping: Pick<MappingRecord, 'account' | 'region' | 'uuid'>): string {
  return `arn:aws:lambda:${mapping.region}:${mapping.account}:event-source-mapping:${mapping.uuid}`;
}

/** EventSourceMappingConfiguration as it goes on the wire: LastModified in epoch seconds. */
export type MappingOutput = Omit<EventSourceMappingConfiguration, 'LastModified'> & { LastModified: number };

/** The EventSourceMappingConfiguration AWS returns for a DynamoDB stream mapping. */
export function toConfiguration(mapping: MappingRecord, state?: MappingState): MappingOutput {
  return {
    UUID: mapping.uuid,
    StartingPosition: mapping.startingPosition,
    BatchSize: mapping.batchSize,
    MaximumBatchingWindowInSeconds: mapping.maximumBatchingWindowInSeconds,
    ParallelizationFactor: 1,
    EventSourceArn: mapping.eventSourceArn,
    FunctionArn: mapping.functionArn,
    LastModified: mapping.lastModified / 1000,
    LastProcessingResult: mapping.lastProcessingResult,
    State: state ?? (mapping.enabled ? 'Enabled' : 'Disabled'),
    StateTransitionReason: mapping.stateTransitionReason,
    DestinationConfig: { OnFailure: {} },
    MaximumRecordAgeInSeconds: mapping.maximumRecordAgeInSeconds,
    BisectBatchOnFunctionError: false,
    MaximumRetryAttempts: mapping.maximumRetryAttempts,
    TumblingWindowInSeconds: 0,
    FunctionResponseTypes: mapping.functionResponseTypes as FunctionResponseType[],
    EventSourceMappingArn: mappingArn(mapping),
  };
}
