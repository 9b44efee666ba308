import { javaString } from '../vtl/java-string.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `Thu Nov 27 10:04:05 UTC 2025`, the JVM's Date format AWS's execution logs use. */
export function logDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

const LIMIT = 1000;

/** Long values are cut in the log, as AWS does. */
export function truncated(text: string): string {
  return text.length > LIMIT ? `${text.slice(0, LIMIT)} [TRUNCATED]` : text;
}

/** A map as the log prints it: `{Content-Type=application/json, Accept=*\/*}`. */
export function logMap(map: Record<string, unknown> | null | undefined): string {
  return truncated(javaString(map ?? {}));
}

/** The request flow as API Gateway logs it (what TestInvokeMethod answers in `log`). */
export class ExecutionLog {
  private readonly lines: string[] = [];

  constructor(private readonly requestId: string) {}

  add(message: string): void {
    this.lines.push(`${logDate(Date.now())} : ${message}`);
  }

  text(): string {
    return `Execution log for request ${this.requestId}\n${this.lines.join('\n')}\n`;
  }
}
