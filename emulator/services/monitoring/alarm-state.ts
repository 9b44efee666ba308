import type { StateValue } from '@aws-sdk/client-cloudwatch';
import type { AlarmRecord, AlarmStore, HistoryRecord, Scope } from './alarm-store.js';

/** Why no alarm action runs locally: SNS, Auto Scaling, EC2 and Lambda actions are not delivered. */
const ACTIONS_NOT_DELIVERED = 'The local cloud does not deliver alarm actions';

function actionsFor(alarm: AlarmRecord, state: StateValue): string[] {
  if (state === 'ALARM') return alarm.AlarmActions ?? [];
  if (state === 'OK') return alarm.OKActions ?? [];
  return alarm.InsufficientDataActions ?? [];
}

/**
 * Moves an alarm to a new state and records it as AWS does: a StateUpdate history item
 * ("Alarm updated from OK to ALARM") and, when actions are enabled, one Action item per action,
 * marked as not executed.
 */
export function changeState(
  alarms: AlarmStore,
  scope: Scope,
  alarm: AlarmRecord,
  change: { state: StateValue; reason: string; reasonData?: string },
  now: number,
): AlarmRecord {
  const old = alarm.StateValue ?? 'INSUFFICIENT_DATA';
  const seconds = now / 1000;
  const parsedData = change.reasonData ? (JSON.parse(change.reasonData) as unknown) : undefined;
  const oldData = alarm.StateReasonData ? (JSON.parse(alarm.StateReasonData) as unknown) : undefined;
  const updated: AlarmRecord = {
    ...alarm,
    StateValue: change.state,
    StateReason: change.reason,
    StateReasonData: change.reasonData,
    StateUpdatedTimestamp: seconds,
    StateTransitionedTimestamp: seconds,
  };
  alarms.put(scope, updated);
  const items: HistoryRecord[] = [
    {
      AlarmName: alarm.AlarmName,
      AlarmType: 'MetricAlarm',
      Timestamp: seconds,
      HistoryItemType: 'StateUpdate',
      HistorySummary: `Alarm updated from ${old} to ${change.state}`,
      HistoryData: JSON.stringify({
        version: '1.0',
        oldState: { stateValue: old, stateReason: alarm.StateReason, ...(oldData ? { stateReasonData: oldData } : {}) },
        newState: { stateValue: change.state, stateReason: change.reason, ...(parsedData ? { stateReasonData: parsedData } : {}) },
      }),
    },
  ];
  if (alarm.ActionsEnabled !== false) {
    for (const action of actionsFor(alarm, change.state)) {
      items.push({
        AlarmName: alarm.AlarmName,
        AlarmType: 'MetricAlarm',
        Timestamp: seconds,
        HistoryItemType: 'Action',
        HistorySummary: `Failed to execute action ${action}. Received error: "${ACTIONS_NOT_DELIVERED}"`,
        HistoryData: JSON.stringify({
          actionState: 'Failed',
          stateUpdateTimestamp: now,
          notificationResource: action,
          error: ACTIONS_NOT_DELIVERED,
        }),
      });
    }
  }
  alarms.appendHistory(scope, items);
  return updated;
}
