import type { ListTagsForResourceCommandInput, ListTagsForResourceCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { taggedAlarm } from './tagged-alarm.js';

export const ListTagsForResource: MonitoringOperation<ListTagsForResourceCommandInput, ListTagsForResourceCommandOutput> = (
  input,
  ctx,
) => ({
  Tags: taggedAlarm(input.ResourceARN, ctx).Tags ?? [],
});
