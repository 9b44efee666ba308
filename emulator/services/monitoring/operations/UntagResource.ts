import type { UntagResourceCommandInput, UntagResourceCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { checkList, requireParameter } from '../validation.js';
import { taggedAlarm } from './tagged-alarm.js';

export const UntagResource: MonitoringOperation<UntagResourceCommandInput, UntagResourceCommandOutput> = (input, ctx) => {
  checkList(input.TagKeys);
  requireParameter('TagKeys', input.TagKeys);
  const alarm = taggedAlarm(input.ResourceARN, ctx);
  ctx.alarms.put(ctx.scope, { ...alarm, Tags: (alarm.Tags ?? []).filter((t) => !input.TagKeys!.includes(t.Key!)) });
  return {};
};
