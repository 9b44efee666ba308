/** The platform lines Lambda writes around each invocation, in AWS's exact layout. */

export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface Report {
  requestId: string;
  durationMs: number;
  memorySize: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
  status?: 'timeout' | 'error';
  errorType?: string;
}

export function reportLine(r: Report): string {
  let line =
    `REPORT RequestId: ${r.requestId}\tDuration: ${r.durationMs.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(r.durationMs))} ms\t` +
    `Memory Size: ${r.memorySize} MB\tMax Memory Used: ${r.maxMemoryUsedMB} MB\t`;
  if (r.initDurationMs !== undefined) line += `Init Duration: ${r.initDurationMs.toFixed(2)} ms\t`;
  if (r.status === 'timeout') line += 'Status: timeout';
  else if (r.status === 'error') line += `Status: error\tError Type: ${r.errorType ?? 'Runtime.ExitError'}`;
  return line;
}

export function timeoutLine(requestId: string, timeoutSeconds: number, at = new Date()): string {
  return `${at.toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/** What X-Amz-Log-Result carries: the last 4 KB of the invocation's log, base64. */
export function logTail(lines: string[]): string {
  const text = Buffer.from(`${lines.join('\n')}\n`);
  return text.subarray(Math.max(0, text.length - 4096)).toString('base64');
}

/** `2024/01/31/[$LATEST]0123456789abcdef0123456789abcdef`: one stream per execution environment. */
export function logStreamName(version: string, id: string, at = new Date()): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${day}/[${version}]${id}`;
}
