import { logOut } from '../../auth';
import { href, navigate, route } from '../../router';
import { config, currentUser } from '../../state';
import { Avatar } from '../Avatar';

/** The top bar: app name, the local-cloud badge, and the user with a log-out button. */
export function Header() {
  const user = currentUser.value;
  const local = config.value?.local === true;
  const current = route.value.name;

  const onLogOut = () => {
    logOut();
    navigate('/login');
  };

  return (
    <header class={user ? 'header header--signed-in' : 'header'}>
      <div class="header__inner">
        <a class="header__brand" href={href(user ? '/conversations' : '/login')}>
          <svg class="header__logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect width="32" height="32" rx="8" fill="currentColor" />
            <path d="M8 10h16v10H15l-5 4v-4H8z" fill="#fff" />
          </svg>
          <span class="header__brand-text">Serverless Chat</span>
        </a>
        {local && (
          <span class="badge" title="Running on the embedded local cloud: nothing leaves this machine">
            local cloud
          </span>
        )}
        {user && (
          <nav class="header__nav" aria-label="Main">
            <a href={href('/conversations')} aria-current={current === 'conversations' || current === 'chat' ? 'page' : undefined}>
              Chats
            </a>
            <a href={href('/people')} aria-current={current === 'people' ? 'page' : undefined}>
              People
            </a>
          </nav>
        )}
        {user && (
          <div class="header__user">
            <span class="header__username" data-testid="current-user" title={`Logged in as ${user}`}>
              <Avatar name={user} small />
              <span class="header__username-text">{user}</span>
            </span>
            <button type="button" class="button button--ghost button--small" data-testid="logout" onClick={onLogOut}>
              Log out
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
