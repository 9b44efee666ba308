import { useEffect, useState } from 'preact/hooks';
import { relativeTime } from '../../format';
import { config } from '../../state';

interface OutboxEntry {
  userPoolId?: string;
  username: string;
  destination?: string;
  code: string;
  kind?: string;
  createdAt?: number;
}

function toTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    const n = Number(value);
    if (value.trim() !== '' && Number.isFinite(n)) return n < 1e12 ? n * 1000 : n;
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return undefined;
}

function entriesOf(body: unknown): OutboxEntry[] {
  const list = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null
      ? ((body as Record<string, unknown>).codes ?? (body as Record<string, unknown>).items ?? [])
      : [];
  if (!Array.isArray(list)) return [];
  const out: OutboxEntry[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const e = item as Record<string, unknown>;
    if (typeof e.username !== 'string' || (typeof e.code !== 'string' && typeof e.code !== 'number')) continue;
    out.push({
      username: e.username,
      code: String(e.code),
      userPoolId: typeof e.userPoolId === 'string' ? e.userPoolId : undefined,
      destination: typeof e.destination === 'string' ? e.destination : undefined,
      kind: typeof e.kind === 'string' ? e.kind : undefined,
      createdAt: toTime(e.createdAt),
    });
  }
  return out;
}

/** The newest sign-up code for this user of this pool (not password-reset codes). */
function latestCodeFor(entries: OutboxEntry[], username: string, userPoolId: string): OutboxEntry | null {
  let best: OutboxEntry | null = null;
  for (const e of entries) {
    if (e.username.toLowerCase() !== username.toLowerCase()) continue;
    if (e.userPoolId && e.userPoolId !== userPoolId) continue;
    // Only sign-up codes (SIGN_UP, RESEND): not password resets, temporary passwords or attribute checks.
    if (e.kind && /forgot|reset|password|admin|attribute/i.test(e.kind)) continue;
    // Later in the list wins a tie: the outbox is in the order the codes were sent.
    if (!best || (e.createdAt ?? 0) >= (best.createdAt ?? 0)) best = e;
  }
  return best;
}

interface Props {
  username: string;
  /** Changes when a new code was requested, to look again at once. */
  refreshKey: number;
  onUseCode: (code: string) => void;
}

/**
 * On the embedded local cloud no email is sent: codes land in its outbox
 * (GET /_emulator/cognito/codes). This panel links to it and shows the latest code for the user.
 */
export function LocalOutbox({ username, refreshKey, onUseCode }: Props) {
  const cfg = config.value;
  const outboxUrl = cfg?.outboxUrl ?? null;
  const [latest, setLatest] = useState<OutboxEntry | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!outboxUrl || !cfg || !username) {
      setLatest(null);
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      try {
        // The local cloud filters by these (GET /_emulator/cognito/codes?username=&userPoolId=); we filter again anyway.
        const url = new URL(outboxUrl, document.baseURI);
        url.searchParams.set('username', username);
        url.searchParams.set('userPoolId', cfg.userPoolId);
        const response = await fetch(url, { cache: 'no-store', signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setLatest(latestCodeFor(entriesOf(await response.json()), username, cfg.userPoolId));
        setProblem(null);
      } catch (err) {
        if (controller.signal.aborted) return;
        setProblem(err instanceof Error ? err.message : String(err));
      }
      if (!controller.signal.aborted) timer = setTimeout(look, 3000);
    };
    void look();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [outboxUrl, cfg, username, refreshKey]);

  return (
    <section class="outbox" data-testid="local-outbox" aria-label="Local cloud outbox">
      <p>
        <strong>Local cloud:</strong> no email is sent. The code was “sent” to the local cloud’s outbox
        {outboxUrl ? (
          <>
            {' '}
            (
            <a href={outboxUrl} target="_blank" rel="noopener noreferrer" data-testid="outbox-link">
              open the outbox
            </a>
            )
          </>
        ) : null}
        , and printed on the local cloud’s console.
      </p>
      {username && latest && (
        <p class="outbox__code">
          Latest code for <strong>{latest.username}</strong>
          {latest.createdAt ? ` (${relativeTime(latest.createdAt)})` : ''}: <code data-testid="outbox-code">{latest.code}</code>{' '}
          <button type="button" class="button button--small" data-testid="outbox-use-code" onClick={() => onUseCode(latest.code)}>
            Use this code
          </button>
        </p>
      )}
      {username && outboxUrl && !latest && !problem && <p class="muted">Waiting for a code for {username}…</p>}
      {username && problem && <p class="muted">Could not read the outbox here ({problem}); open it with the link above.</p>}
    </section>
  );
}
