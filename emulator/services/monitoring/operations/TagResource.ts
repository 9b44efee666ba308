import type { TagResourceCommandInput, TagResourceCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { checkList, requireParameter } from '../validation.js';
import { taggedAlarm } from './tagged-alarm.js';

export const TagResource: MonitoringOperation<TagResourceCommandInput, TagResourceCommandOutput> = (input, ctx) => {
  checkList(input.Tags);
  requireParameter('Tags', input.Tags);
  const alarm = taggedAlarm(input.ResourceARN, ctx);
  const tags = new Map((alarm.Tags ?? []).map((t) => [t.Key, t.Value]));
  for (const tag of input.Tags!) {
    requireParameter('Tags.member.Key', tag.Key);
    tags.set(tag.Key, tag.Value ?? '');
  }
  ctx.alarms.put(ctx.scope, { ...alarm, Tags: [...tags].map(([Key, Value]) => ({ Key, Value })) });
  return {};
};
