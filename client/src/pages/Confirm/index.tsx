import { useState } from 'preact/hooks';
import { AuthError, confirmSignUp, resendConfirmationCode } from '../../auth';
import { Alert } from '../../components/Alert';
import { Field, UsernameField } from '../../components/Field';
import { LocalOutbox } from '../../components/LocalOutbox';
import { useAutoFocus, useTitle } from '../../hooks';
import { href, navigate } from '../../router';
import { config, flash, rememberedUsername } from '../../state';

interface Props {
  /** From #/confirm?username=..; empty when the user has to type it. */
  username: string;
}

export function Confirm({ username: fromUrl }: Props) {
  useTitle('Confirm your account');
  const [username, setUsername] = useState(fromUrl || rememberedUsername.value);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [resending, setResending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [outboxKey, setOutboxKey] = useState(0);
  const codeRef = useAutoFocus<HTMLInputElement>();
  const local = config.value?.local === true;
  const name = username.trim();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const value = code.trim();
    if (!name) {
      setError('Enter your username.');
      return;
    }
    if (!value) {
      setError('Enter the confirmation code.');
      return;
    }
    setBusy(true);
    setError(null);
    setInfo(null);
    try {
      await confirmSignUp(name, value);
      rememberedUsername.value = name;
      flash('login', 'success', 'Your account is confirmed. You can log in now.');
      navigate('/login');
    } catch (err) {
      setBusy(false);
      if (err instanceof AuthError && err.code === 'NotAuthorizedException' && /CONFIRMED/i.test(err.message)) {
        rememberedUsername.value = name;
        flash('login', 'info', 'This account is already confirmed. You can log in.');
        navigate('/login');
        return;
      }
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const onResend = async () => {
    if (!name) {
      setError('Enter your username first.');
      return;
    }
    setResending(true);
    setError(null);
    setInfo(null);
    try {
      const { destination } = await resendConfirmationCode(name);
      setInfo(
        local ? 'A new code was “sent” to the local cloud’s outbox.' : `A new code was sent${destination ? ` to ${destination}` : ''}.`,
      );
      setOutboxKey((k) => k + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setResending(false);
    }
  };

  return (
    <section class="card card--narrow" aria-labelledby="confirm-title">
      <h1 id="confirm-title">Confirm your account</h1>
      <p class="muted">
        {fromUrl ? (
          <>
            Enter the code that was sent to the email address of <strong>{fromUrl}</strong>.
          </>
        ) : (
          'Enter your username and the code that was sent to your email address.'
        )}
      </p>
      {local && (
        <LocalOutbox
          username={name}
          refreshKey={outboxKey}
          onUseCode={(c) => {
            setCode(c);
            codeRef.current?.focus();
          }}
        />
      )}
      <form class="form" onSubmit={onSubmit} noValidate>
        {!fromUrl && <UsernameField value={username} onInput={setUsername} testId="confirm-username" />}
        <Field label="Confirmation code">
          <input
            ref={codeRef}
            type="text"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellcheck={false}
            maxLength={32}
            required
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            data-testid="confirm-code"
          />
        </Field>
        {error && (
          <Alert kind="error" testId="confirm-error">
            {error}
          </Alert>
        )}
        {info && (
          <Alert kind="success" testId="confirm-info">
            {info}
          </Alert>
        )}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy} data-testid="confirm-submit">
            {busy ? 'Confirming…' : 'Confirm'}
          </button>
          <button type="button" class="button" disabled={resending} onClick={onResend} data-testid="confirm-resend">
            {resending ? 'Sending…' : 'Resend'}
          </button>
        </div>
      </form>
      <p class="card__footer">
        Already confirmed? <a href={href('/login')}>Log in</a>
      </p>
    </section>
  );
}
