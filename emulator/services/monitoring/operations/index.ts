import type { CloudWatch } from '@aws-sdk/client-cloudwatch';
import type { Operation } from '../../../protocols/aws-json.js';
import type { MonitoringContext } from '../context.js';
import { DeleteAlarms } from './DeleteAlarms.js';
import { DescribeAlarmHistory } from './DescribeAlarmHistory.js';
import { DescribeAlarms } from './DescribeAlarms.js';
import { DescribeAlarmsForMetric } from './DescribeAlarmsForMetric.js';
import { DisableAlarmActions } from './DisableAlarmActions.js';
import { EnableAlarmActions } from './EnableAlarmActions.js';
import { GetMetricData } from './GetMetricData.js';
import { GetMetricStatistics } from './GetMetricStatistics.js';
import { ListMetrics } from './ListMetrics.js';
import { ListTagsForResource } from './ListTagsForResource.js';
import { PutMetricAlarm } from './PutMetricAlarm.js';
import { PutMetricData } from './PutMetricData.js';
import { SetAlarmState } from './SetAlarmState.js';
import { TagResource } from './TagResource.js';
import { UntagResource } from './UntagResource.js';

/** Every CloudWatch operation name, as the SDK spells it. */
export type CloudWatchOperationName = Capitalize<Exclude<keyof CloudWatch, `paginate${string}` | `waitUntil${string}`>>;

export const OPERATIONS = {
  DeleteAlarms,
  DescribeAlarmHistory,
  DescribeAlarms,
  DescribeAlarmsForMetric,
  DisableAlarmActions,
  EnableAlarmActions,
  GetMetricData,
  GetMetricStatistics,
  ListMetrics,
  ListTagsForResource,
  PutMetricAlarm,
  PutMetricData,
  SetAlarmState,
  TagResource,
  UntagResource,
} satisfies Partial<Record<CloudWatchOperationName, Operation<any, any, MonitoringContext>>>;
