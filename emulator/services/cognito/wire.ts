/**
 * The SDK's types describe what a client sees after parsing; on the wire awsJson1_1 sends
 * timestamps as epoch seconds. `Out<XCommandOutput>` is what an operation returns.
 */
export type Wire<T> = T extends Date
  ? number
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends Record<string, unknown>
      ? { [K in keyof T]: Wire<T[K]> }
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

export type Out<T> = Wire<Omit<T, '$metadata'>>;

/** Now as awsJson timestamps are sent: epoch seconds with milliseconds. */
export const epochSeconds = (ms = Date.now()) => ms / 1000;
