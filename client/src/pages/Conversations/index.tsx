import { useEffect, useState } from 'preact/hooks';
import { type ConversationSummary, describeError, isAbort, listConversations } from '../../api';
import { Alert } from '../../components/Alert';
import { Avatar } from '../../components/Avatar';
import { RelativeTime } from '../../components/RelativeTime';
import { Spinner } from '../../components/Spinner';
import { otherParticipants } from '../../format';
import { useTitle } from '../../hooks';
import { href, navigate } from '../../router';
import { currentUser } from '../../state';

const REFRESH_MS = 10_000;

/** Newest activity first; conversations without messages last. */
function byLastDesc(a: ConversationSummary, b: ConversationSummary): number {
  return (b.last ?? -1) - (a.last ?? -1);
}

export function Conversations() {
  useTitle('Chats');
  const me = currentUser.value;
  const [items, setItems] = useState<ConversationSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const list = await listConversations(controller.signal);
        setItems([...list].sort(byLastDesc));
        setError(null);
      } catch (err) {
        if (isAbort(err) || controller.signal.aborted) return;
        setError(describeError(err));
      }
      if (!controller.signal.aborted) timer = setTimeout(load, REFRESH_MS);
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, []);

  return (
    <section class="card" aria-labelledby="conversations-title">
      <div class="card__head">
        <h1 id="conversations-title">Chats</h1>
        <button type="button" class="button button--primary" onClick={() => navigate('/people')} data-testid="new-chat">
          Start a new chat
        </button>
      </div>
      {error && (
        <Alert kind="error" testId="conversations-error">
          {error}
        </Alert>
      )}
      {items === null && !error && <Spinner label="Loading your chats…" />}
      {items !== null && items.length === 0 && (
        <p class="empty" data-testid="conversations-empty">
          No chats yet. Use “Start a new chat” to talk to someone.
        </p>
      )}
      {items !== null && items.length > 0 && (
        <ul class="list" data-testid="conversation-list">
          {items.map((c) => {
            const title = otherParticipants(c.participants, me);
            return (
              <li key={c.id}>
                <a
                  class="row row--link"
                  href={href(`/chat/${encodeURIComponent(c.id)}`)}
                  data-testid="conversation-row"
                  data-conversation-id={c.id}
                >
                  <Avatar name={title} />
                  <span class="row__title">{title}</span>
                  <RelativeTime class="row__meta" time={c.last} />
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
