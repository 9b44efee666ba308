import type { SetAlarmStateCommandInput, SetAlarmStateCommandOutput } from '@aws-sdk/client-cloudwatch';
import { changeState } from '../alarm-state.js';
import type { MonitoringOperation } from '../context.js';
import { InvalidFormat, invalidMember, ResourceNotFound } from '../errors.js';
import { requireParameter } from '../validation.js';

const STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;

export const SetAlarmState: MonitoringOperation<SetAlarmStateCommandInput, SetAlarmStateCommandOutput> = (input, ctx) => {
  requireParameter('AlarmName', input.AlarmName);
  requireParameter('StateReason', input.StateReason);
  if (!STATES.includes(input.StateValue as (typeof STATES)[number])) {
    throw invalidMember('stateValue', input.StateValue, 'Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]');
  }
  if (input.StateReasonData !== undefined) {
    try {
      JSON.parse(input.StateReasonData);
    } catch {
      throw new InvalidFormat('StateReasonData is not valid JSON.');
    }
  }
  const alarm = ctx.alarms.get(ctx.scope, input.AlarmName!);
  if (!alarm) throw new ResourceNotFound(`Alarm ${input.AlarmName} not found`);
  if (alarm.StateValue === input.StateValue) return {};
  changeState(
    ctx.alarms,
    ctx.scope,
    alarm,
    { state: input.StateValue!, reason: input.StateReason!, reasonData: input.StateReasonData },
    ctx.now(),
  );
  return {};
};
