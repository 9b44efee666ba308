import { useState } from 'preact/hooks';
import { signUp } from '../../auth';
import { Alert } from '../../components/Alert';
import { Field, UsernameField } from '../../components/Field';
import { PasswordRules, passwordProblems } from '../../components/PasswordRules';
import { useAutoFocus, useTitle } from '../../hooks';
import { href, navigate } from '../../router';
import { config, flash, rememberedUsername } from '../../state';

export const USERNAME_MAX = 20;
export const EMAIL_MAX = 120;

function validate(username: string, email: string, password: string): string | null {
  if (!username) return 'Choose a username.';
  if (username.length > USERNAME_MAX) return `The username can have at most ${USERNAME_MAX} characters.`;
  if (/\s/.test(username)) return 'The username cannot contain spaces.';
  if (!email) return 'Enter your email address.';
  if (email.length > EMAIL_MAX) return `The email address can have at most ${EMAIL_MAX} characters.`;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Enter a valid email address.';
  const problems = passwordProblems(password);
  if (problems.length > 0) return `The password needs: ${problems.map((p) => p.toLowerCase()).join(', ')}.`;
  return null;
}

export function SignUp() {
  useTitle('Sign up');
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const usernameRef = useAutoFocus<HTMLInputElement>();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const name = username.trim();
    const mail = email.trim();
    const problem = validate(name, mail, password);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await signUp(name, mail, password);
      rememberedUsername.value = name;
      if (result.confirmed) {
        flash('login', 'success', 'Your account is ready. You can log in now.');
        navigate('/login');
        return;
      }
      const where = result.destination ? ` to ${result.destination}` : '';
      flash(
        'confirm',
        'info',
        config.value?.local
          ? `Account created. A confirmation code was “sent”${where}.`
          : `Account created. We emailed a confirmation code${where}.`,
      );
      navigate(`/confirm?username=${encodeURIComponent(name)}`);
    } catch (err) {
      setBusy(false);
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section class="card card--narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">Create an account</h1>
      <form class="form" onSubmit={onSubmit} noValidate>
        <UsernameField
          inputRef={usernameRef}
          value={username}
          onInput={setUsername}
          maxLength={USERNAME_MAX}
          hint={`Up to ${USERNAME_MAX} characters, no spaces. Others will see it.`}
          hintId="signup-username-hint"
          testId="signup-username"
        />
        <Field label="Email" hint="We send a confirmation code here." hintId="signup-email-hint">
          <input
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            maxLength={EMAIL_MAX}
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            aria-describedby="signup-email-hint"
            data-testid="signup-email"
          />
        </Field>
        <Field label="Password">
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-describedby="signup-password-rules"
            data-testid="signup-password"
          />
        </Field>
        <PasswordRules password={password} id="signup-password-rules" />
        {error && (
          <Alert kind="error" testId="signup-error">
            {error}
          </Alert>
        )}
        <button type="submit" class="button button--primary button--block" disabled={busy} data-testid="signup-submit">
          {busy ? 'Creating account…' : 'Sign up'}
        </button>
      </form>
      <p class="card__footer">
        Already have an account? <a href={href('/login')}>Log in</a>
      </p>
    </section>
  );
}
