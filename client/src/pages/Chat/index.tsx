import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describeError, sendMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { RelativeTime } from '../../components/RelativeTime';
import { Spinner } from '../../components/Spinner';
import { otherParticipants } from '../../format';
import { useTitle } from '../../hooks';
import { href } from '../../router';
import { currentUser } from '../../state';
import { type ShownMessage, useConversation } from './useConversation';

interface Pending {
  key: number;
  message: string;
}

/** How close to the bottom (px) still counts as "reading the newest messages". */
const STICKY_PX = 80;

function MessageItem({ m, mine }: { m: ShownMessage; mine: boolean }) {
  return (
    <li class={`message ${mine ? 'message--mine' : 'message--theirs'}`} data-testid="message" data-sender={m.sender}>
      {!mine && <div class="message__sender">{m.sender}</div>}
      {/* Text only: Preact renders strings as text nodes, never as HTML. */}
      <div class="message__bubble">{m.message}</div>
      <RelativeTime class="message__time" time={m.time} />
    </li>
  );
}

export function Chat({ id }: { id: string }) {
  const me = currentUser.value;
  const { state, refresh } = useConversation(id);
  const title = state.participants.length > 0 ? otherParticipants(state.participants, me) : null;
  useTitle(title ? `Chat with ${title}` : 'Chat');

  const [draft, setDraft] = useState('');
  const [pending, setPending] = useState<Pending[]>([]);
  const [sendError, setSendError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const sendQueue = useRef<Promise<void>>(Promise.resolve());
  const pendingSeq = useRef(0);

  // The input is disabled while loading: focus it once the conversation is there.
  useEffect(() => {
    if (state.status === 'ready') inputRef.current?.focus();
  }, [state.status]);

  const onScroll = () => {
    const el = listRef.current;
    if (el) stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
  };

  // Keep the newest message in view unless the user scrolled up to read older ones.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [state.messages.length, pending.length, state.status]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    setSendError(null);
    pendingSeq.current += 1;
    const item: Pending = { key: pendingSeq.current, message: text };
    setPending((p) => [...p, item]);
    stickToBottom.current = true;
    // Sends go one after the other so they keep their order.
    sendQueue.current = sendQueue.current.then(async () => {
      try {
        await sendMessage(id, text);
        await refresh();
      } catch (err) {
        setSendError(`Your message was not sent: ${describeError(err)}`);
        setDraft((d) => d || text);
      } finally {
        setPending((p) => p.filter((x) => x !== item));
      }
    });
  };

  if (state.status === 'error') {
    return (
      <section class="card card--narrow" data-testid="chat-error">
        <h1>Cannot open this chat</h1>
        <Alert kind="error">{state.error}</Alert>
        <p>
          <a class="button" href={href('/conversations')}>
            Back to chats
          </a>
        </p>
      </section>
    );
  }

  return (
    <section class="chat" aria-labelledby="chat-title">
      <div class="chat__head">
        <a class="chat__back" href={href('/conversations')} aria-label="Back to chats" title="Back to chats">
          ←
        </a>
        <h1 id="chat-title" class="chat__title" data-testid="chat-title">
          {title ?? 'Chat'}
        </h1>
      </div>
      {state.pollError && (
        <Alert kind="error" testId="chat-poll-error">
          Connection problem: {state.pollError} Retrying…
        </Alert>
      )}
      <div class="chat__scroll" ref={listRef} onScroll={onScroll}>
        {state.status === 'loading' && <Spinner label="Loading messages…" />}
        {state.status === 'ready' && state.messages.length === 0 && pending.length === 0 && (
          <p class="empty" data-testid="chat-empty">
            No messages yet. Say hello!
          </p>
        )}
        <ol class="messages" aria-live="polite" aria-relevant="additions" data-testid="messages">
          {state.messages.map((m) => (
            <MessageItem key={m.key} m={m} mine={m.sender === me} />
          ))}
          {pending.map((p) => (
            <li key={`pending-${p.key}`} class="message message--mine message--pending" data-testid="message-pending">
              <div class="message__bubble">{p.message}</div>
              <span class="message__time">Sending…</span>
            </li>
          ))}
        </ol>
      </div>
      {sendError && (
        <Alert kind="error" testId="send-error">
          {sendError}
        </Alert>
      )}
      <form class="composer" onSubmit={onSubmit}>
        <label class="visually-hidden" for="message-input">
          Message
        </label>
        <input
          id="message-input"
          ref={inputRef}
          class="composer__input"
          type="text"
          placeholder="Start typing here..."
          autoComplete="off"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          disabled={state.status !== 'ready'}
          data-testid="message-input"
        />
        <button
          type="submit"
          class="button button--primary"
          disabled={state.status !== 'ready' || draft.trim() === ''}
          data-testid="message-send"
        >
          Send
        </button>
      </form>
    </section>
  );
}
