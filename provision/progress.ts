import { AsyncLocalStorage } from 'node:async_hooks';

const currentStep = new AsyncLocalStorage<string>();

/** The label of the step whose code is running (the dry run groups the SDK calls it records by it). */
export function stepLabel(): string | undefined {
  return currentStep.getStore();
}

/** One progress line per step, with its duration. */
export async function step<T>(label: string, run: () => Promise<T>, log: (line: string) => void = console.log): Promise<T> {
  const started = performance.now();
  try {
    const result = await currentStep.run(label, run);
    log(`  ✓ ${label} (${Math.round(performance.now() - started)} ms)`);
    return result;
  } catch (err) {
    log(`  ✗ ${label} (${Math.round(performance.now() - started)} ms): ${(err as Error).message}`);
    throw err;
  }
}

export async function retry<T>(what: string, run: () => Promise<T>, shouldRetry: (err: unknown) => boolean, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !shouldRetry(err)) throw err;
      const delay = Math.min(1000 * 2 ** (attempt - 1), 10_000);
      console.log(`    … ${what}: ${(err as Error).message}; retrying in ${delay / 1000} s`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export function isNamed(err: unknown, ...names: string[]): boolean {
  return err instanceof Error && names.includes(err.name);
}

/** Runs a long wait, printing a line every `everyMs` so that minutes of waiting (CloudFront) are not silence. */
export async function withHeartbeat<T>(
  what: string,
  run: () => Promise<T>,
  log: (line: string) => void = console.log,
  everyMs = 15_000,
): Promise<T> {
  const started = performance.now();
  const timer = setInterval(() => log(`    … ${what} (${Math.round((performance.now() - started) / 1000)} s so far)`), everyMs);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}
