import { useEffect, useRef, useState } from 'preact/hooks';
import { AuthError, logIn } from '../../auth';
import { Alert } from '../../components/Alert';
import { Field, UsernameField } from '../../components/Field';
import { useTitle } from '../../hooks';
import { href, navigate, takeReturnPath } from '../../router';
import { flash, rememberedUsername } from '../../state';

export function Login() {
  useTitle('Log in');
  const [username, setUsername] = useState(rememberedUsername.value);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (usernameRef.current?.value ? passwordRef.current : usernameRef.current)?.focus();
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const name = username.trim();
    if (!name || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await logIn(name, password);
      rememberedUsername.value = name;
      navigate(takeReturnPath() ?? '/conversations');
    } catch (err) {
      setBusy(false);
      if (err instanceof AuthError && err.code === 'UserNotConfirmedException') {
        flash('confirm', 'info', 'Your account is not confirmed yet. Enter the code that was sent to your email.');
        navigate(`/confirm?username=${encodeURIComponent(name)}`);
        return;
      }
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section class="card card--narrow" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      <form class="form" onSubmit={onSubmit} noValidate>
        <UsernameField inputRef={usernameRef} value={username} onInput={setUsername} testId="login-username" />
        <Field label="Password">
          <input
            ref={passwordRef}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            data-testid="login-password"
          />
        </Field>
        {error && (
          <Alert kind="error" testId="login-error">
            {error}
          </Alert>
        )}
        <button type="submit" class="button button--primary button--block" disabled={busy} data-testid="login-submit">
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p class="card__footer">
        New here?{' '}
        <a href={href('/signup')} data-testid="signup-link">
          Create an account
        </a>
        <span class="card__sep" aria-hidden="true">
          ·
        </span>
        <a href={href(username.trim() ? `/confirm?username=${encodeURIComponent(username.trim())}` : '/confirm')}>Confirm an account</a>
      </p>
    </section>
  );
}
