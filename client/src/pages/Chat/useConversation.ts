import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError, getConversation, isAbort, type Message } from '../../api';

export const POLL_MS = 5_000;
/**
 * Incremental fetches ask for messages since (newest seen − this). The overlap catches a message
 * that was stamped a moment earlier but stored later; de-duplication drops the repeats, so the API
 * may treat `since` as inclusive, exclusive, or ignore it.
 */
export const SINCE_OVERLAP_MS = 1_000;

export interface ShownMessage extends Message {
  /** Stable local key for rendering. */
  key: number;
}

export interface ConversationState {
  status: 'loading' | 'ready' | 'error';
  participants: string[];
  messages: ShownMessage[];
  /** Why the conversation could not be shown (status 'error'). */
  error: string | null;
  /** A transient polling problem, cleared by the next success. */
  pollError: string | null;
}

export function messageKey(m: Message): string {
  return `${m.time}\u0000${m.sender}\u0000${m.message}`;
}

/** Appends `fresh` to `current`, keeping time order (sorts only when something arrived late). */
function merge(current: ShownMessage[], fresh: ShownMessage[]): ShownMessage[] {
  const lastTime = current.length > 0 ? (current[current.length - 1]?.time ?? 0) : Number.NEGATIVE_INFINITY;
  const merged = current.concat(fresh);
  return fresh.every((m) => m.time >= lastTime) ? merged : merged.sort((a, b) => a.time - b.time);
}

/**
 * Loads a conversation, then polls every 5 s for messages newer than the last one seen and appends
 * only those. `refresh()` fetches at once (after sending).
 */
export function useConversation(id: string) {
  const [state, setState] = useState<ConversationState>({
    status: 'loading',
    participants: [],
    messages: [],
    error: null,
    pollError: null,
  });
  const store = useRef({
    keys: new Set<string>(),
    newest: undefined as number | undefined,
    seq: 0,
    inFlight: null as Promise<void> | null,
    stopped: false,
    controller: new AbortController(),
  });

  const fetchNew = useCallback(async (): Promise<void> => {
    const s = store.current;
    if (s.stopped) return;
    const since = s.newest === undefined ? undefined : s.newest - SINCE_OVERLAP_MS;
    try {
      const conv = await getConversation(id, { since, signal: s.controller.signal });
      if (s.stopped) return;
      const fresh: ShownMessage[] = [];
      for (const m of conv.messages) {
        const key = messageKey(m);
        if (s.keys.has(key)) continue;
        s.keys.add(key);
        s.seq += 1;
        fresh.push({ ...m, key: s.seq });
        if (s.newest === undefined || m.time > s.newest) s.newest = m.time;
      }
      setState((prev) => ({
        status: 'ready',
        participants: conv.participants.length > 0 ? conv.participants : prev.participants,
        messages: fresh.length > 0 ? merge(prev.messages, fresh) : prev.messages,
        error: null,
        pollError: null,
      }));
    } catch (err) {
      if (s.stopped || isAbort(err)) return;
      const message = describeError(err);
      const fatal = err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 404 || err.status === 400);
      if (fatal) s.stopped = true;
      setState((prev) =>
        prev.status === 'ready' && !fatal ? { ...prev, pollError: message } : { ...prev, status: 'error', error: message, pollError: null },
      );
    }
  }, [id]);

  /** One fetch at a time; a poll that finds one running just waits for it. */
  const poll = useCallback((): Promise<void> => {
    const s = store.current;
    s.inFlight ??= fetchNew().finally(() => {
      s.inFlight = null;
    });
    return s.inFlight;
  }, [fetchNew]);

  /** A fetch that starts after any running one: sees everything stored before this call. */
  const refresh = useCallback(async (): Promise<void> => {
    const s = store.current;
    while (s.inFlight) await s.inFlight;
    await poll();
  }, [poll]);

  useEffect(() => {
    const s = store.current;
    void poll();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void poll();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      s.stopped = true;
      s.controller.abort();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [poll]);

  return { state, refresh };
}
