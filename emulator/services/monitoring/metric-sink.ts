/** What services use to emit AWS/* metrics (AWS/Lambda, AWS/ApiGateway). Implemented by the CloudWatch service ('monitoring'). */
export interface MetricDatum {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  value: number;
  unit: 'Count' | 'Milliseconds' | 'Seconds' | 'Bytes' | 'Percent' | 'None';
  timestamp?: number;
}

export interface MetricSink {
  record(account: string, region: string, data: MetricDatum[]): void;
}
