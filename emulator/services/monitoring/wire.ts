/**
 * The SDK's types describe what a client sees after parsing; on the wire awsJson1_0 sends
 * timestamps as epoch seconds. `In<XCommandInput>` is what an operation receives and
 * `Out<XCommandOutput>` what it returns.
 */
export type Wire<T> = T extends Date ? number : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type In<T> = Wire<T>;
export type Out<T> = Wire<Omit<T, '$metadata'>>;

export const toEpochSeconds = (ms: number) => ms / 1000;

/** A wire timestamp (epoch seconds, or an ISO string some clients send) in milliseconds; NaN when it is neither. */
export function fromWireTime(value: unknown): number {
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string') return /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  return Number.NaN;
}
