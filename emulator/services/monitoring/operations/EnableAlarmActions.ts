import type { EnableAlarmActionsCommandInput, EnableAlarmActionsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { setActionsEnabled } from './alarm-actions.js';

export const EnableAlarmActions: MonitoringOperation<EnableAlarmActionsCommandInput, EnableAlarmActionsCommandOutput> = (input, ctx) =>
  setActionsEnabled(input.AlarmNames, true, ctx);
