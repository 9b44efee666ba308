import type { MonitoringContext } from '../context.js';
import { checkList, requireParameter } from '../validation.js';

/** Enable/DisableAlarmActions: names that do not exist are skipped. */
export function setActionsEnabled(names: string[] | undefined, enabled: boolean, ctx: MonitoringContext): Record<string, never> {
  checkList(names);
  requireParameter('AlarmNames', names);
  for (const name of names!) {
    const alarm = ctx.alarms.get(ctx.scope, name);
    if (alarm && alarm.ActionsEnabled !== enabled) ctx.alarms.put(ctx.scope, { ...alarm, ActionsEnabled: enabled });
  }
  return {};
}
