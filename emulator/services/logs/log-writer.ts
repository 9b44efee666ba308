/** What the Lambda service uses to write invocation logs. Implemented by the CloudWatch Logs service. */
export interface LogEventInput {
  timestamp: number;
  message: string;
}

export interface LogWriter {
  /** Creates the group and stream when missing, then appends the events. */
  append(account: string, region: string, group: string, stream: string, events: LogEventInput[]): void;
}
