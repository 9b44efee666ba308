import { useLayoutEffect } from 'preact/hooks';
import { Chat } from '../../pages/Chat';
import { Confirm } from '../../pages/Confirm';
import { Conversations } from '../../pages/Conversations';
import { Login } from '../../pages/Login';
import { NotFound } from '../../pages/NotFound';
import { People } from '../../pages/People';
import { SignUp } from '../../pages/SignUp';
import { navigate, PUBLIC_ROUTES, pathOf, type Route, rememberReturnPath, route } from '../../router';
import { currentUser, notice } from '../../state';
import { Alert } from '../Alert';
import { Header } from '../Header';

/** Where to send the user instead of `r`, or null to show it. */
function redirectFor(r: Route, user: string | null): string | null {
  if (r.name === 'home') return user ? '/conversations' : '/login';
  if (r.name === 'login' || r.name === 'signup') return user ? '/conversations' : null;
  if (r.name === 'confirm') return null;
  return user ? null : '/login';
}

function Page({ r }: { r: Route }) {
  switch (r.name) {
    case 'login':
      return <Login />;
    case 'signup':
      return <SignUp />;
    case 'confirm':
      return <Confirm username={r.username} />;
    case 'conversations':
      return <Conversations />;
    case 'people':
      return <People />;
    case 'chat':
      return <Chat key={r.id} id={r.id} />;
    case 'notFound':
      return <NotFound path={r.path} />;
    default:
      return null;
  }
}

export function App() {
  const r = route.value;
  const user = currentUser.value;
  const redirect = redirectFor(r, user);
  const currentNotice = notice.value;

  useLayoutEffect(() => {
    if (!redirect) return;
    if (!user && !PUBLIC_ROUTES.has(r.name) && r.name !== 'home' && r.name !== 'notFound') {
      rememberReturnPath(pathOf(r));
    }
    navigate(redirect, { replace: true });
  }, [redirect, r, user]);

  // A notice belongs to one page: drop it once the user is elsewhere.
  useLayoutEffect(() => {
    if (notice.value && notice.value.route !== r.name && !redirect) notice.value = null;
  }, [r.name, redirect]);

  return (
    <div class={`app app--${r.name}`}>
      <Header />
      <main class={`main main--${r.name}`}>
        {currentNotice && currentNotice.route === r.name && (
          <Alert kind={currentNotice.kind} testId="notice">
            {currentNotice.text}
          </Alert>
        )}
        {redirect ? null : <Page r={r} />}
      </main>
    </div>
  );
}
