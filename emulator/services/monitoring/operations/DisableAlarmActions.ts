import type { DisableAlarmActionsCommandInput, DisableAlarmActionsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { setActionsEnabled } from './alarm-actions.js';

export const DisableAlarmActions: MonitoringOperation<DisableAlarmActionsCommandInput, DisableAlarmActionsCommandOutput> = (input, ctx) =>
  setActionsEnabled(input.AlarmNames, false, ctx);
