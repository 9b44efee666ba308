import { useEffect, useState } from 'preact/hooks';
import { createConversation, describeError, isAbort, listUsers } from '../../api';
import { Alert } from '../../components/Alert';
import { Avatar } from '../../components/Avatar';
import { Spinner } from '../../components/Spinner';
import { useTitle } from '../../hooks';
import { href, navigate } from '../../router';
import { currentUser } from '../../state';

export function People() {
  useTitle('People');
  const me = currentUser.value;
  const [users, setUsers] = useState<string[] | null>(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listUsers(controller.signal)
      .then((list) => {
        const others = list.filter((u) => u !== me);
        setUsers([...new Set(others)].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
      })
      .catch((err) => {
        if (!isAbort(err) && !controller.signal.aborted) setError(describeError(err));
      });
    return () => controller.abort();
  }, [me]);

  const startChat = async (user: string) => {
    setStarting(user);
    setError(null);
    try {
      const id = await createConversation([user]);
      navigate(`/chat/${encodeURIComponent(id)}`);
    } catch (err) {
      setStarting(null);
      setError(describeError(err));
    }
  };

  const needle = filter.trim().toLowerCase();
  const shown = users?.filter((u) => u.toLowerCase().includes(needle)) ?? null;

  return (
    <section class="card" aria-labelledby="people-title">
      <div class="card__head">
        <h1 id="people-title">People</h1>
        <a class="button button--ghost" href={href('/conversations')}>
          Back to chats
        </a>
      </div>
      {users !== null && users.length > 5 && (
        <label class="field field--search">
          <span class="visually-hidden">Find people</span>
          <input
            type="search"
            placeholder="Find people…"
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
            data-testid="people-filter"
          />
        </label>
      )}
      {error && (
        <Alert kind="error" testId="people-error">
          {error}
        </Alert>
      )}
      {users === null && !error && <Spinner label="Loading people…" />}
      {users !== null && users.length === 0 && (
        <p class="empty" data-testid="people-empty">
          Nobody else has signed up yet. Invite a friend to create an account.
        </p>
      )}
      {shown !== null && users !== null && users.length > 0 && shown.length === 0 && <p class="empty">Nobody matches “{filter}”.</p>}
      {shown !== null && shown.length > 0 && (
        <ul class="list" data-testid="people-list">
          {shown.map((user) => (
            <li key={user} class="row" data-testid={`person-${user}`}>
              <Avatar name={user} />
              <span class="row__title">{user}</span>
              <button
                type="button"
                class="button button--small"
                disabled={starting !== null}
                onClick={() => startChat(user)}
                data-testid="start-chat"
              >
                {starting === user ? 'Starting…' : 'Start Chat'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
