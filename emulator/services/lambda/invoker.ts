/** What other services (API Gateway, Cognito triggers) use to run a function. Implemented by the Lambda service. */
export interface InvokeRequest {
  account: string;
  region: string;
  /** Function name, partial or full ARN, possibly qualified (`name:alias`, `arn:...:function:name:3`). */
  functionName: string;
  qualifier?: string;
  payload: Buffer;
  /** The calling service, for the resource-policy check (e.g. "apigateway.amazonaws.com"); absent for direct callers. */
  principal?: string;
  /** ARN of the calling resource, matched against the policy's SourceArn condition. */
  sourceArn?: string;
  invocationType?: 'RequestResponse' | 'Event';
}

export interface InvokeResult {
  /** 200 for RequestResponse, 202 for Event. */
  statusCode: number;
  payload: Buffer;
  /** "Unhandled" when the handler threw, timed out or crashed. */
  functionError?: string;
  executedVersion: string;
  /** Last 4 KB of the invocation's log lines. */
  logTail: string;
}

export interface LambdaInvoker {
  invoke(request: InvokeRequest): Promise<InvokeResult>;
}
