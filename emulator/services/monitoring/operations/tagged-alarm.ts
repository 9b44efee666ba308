import type { AlarmRecord } from '../alarm-store.js';
import type { MonitoringContext } from '../context.js';
import { ResourceNotFoundException } from '../errors.js';
import { requireParameter } from '../validation.js';

/** The alarm an ARN names in the caller's account and region (the only taggable CloudWatch resources here). */
export function taggedAlarm(arn: string | undefined, ctx: MonitoringContext): AlarmRecord {
  requireParameter('ResourceARN', arn);
  const m = /^arn:aws[\w-]*:cloudwatch:([^:]+):(\d{12}):alarm:(.+)$/.exec(arn!);
  const alarm = m && m[1] === ctx.region && m[2] === ctx.account ? ctx.alarms.get(ctx.scope, m[3]!) : undefined;
  if (!alarm) throw new ResourceNotFoundException(`The specified resource does not exist: ${arn}`);
  return alarm;
}
