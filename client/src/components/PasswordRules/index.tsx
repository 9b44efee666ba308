/** Cognito's default password policy: 8+ characters with upper, lower, digit and symbol. */
export const PASSWORD_RULES: { id: string; label: string; test: (pw: string) => boolean }[] = [
  { id: 'length', label: 'At least 8 characters', test: (pw) => pw.length >= 8 },
  { id: 'upper', label: 'An uppercase letter (A–Z)', test: (pw) => /[A-Z]/.test(pw) },
  { id: 'lower', label: 'A lowercase letter (a–z)', test: (pw) => /[a-z]/.test(pw) },
  { id: 'digit', label: 'A number (0–9)', test: (pw) => /[0-9]/.test(pw) },
  {
    id: 'symbol',
    label: 'A symbol, such as ! @ # $ % ^ & *',
    test: (pw) => /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(pw) || /\S \S/.test(pw),
  },
];

export function passwordProblems(pw: string): string[] {
  return PASSWORD_RULES.filter((rule) => !rule.test(pw)).map((rule) => rule.label);
}

interface Props {
  password: string;
  id?: string;
}

/** The policy as a live checklist. */
export function PasswordRules({ password, id }: Props) {
  return (
    <ul class="password-rules" id={id} aria-label="Password requirements">
      {PASSWORD_RULES.map((rule) => {
        const ok = rule.test(password);
        return (
          <li key={rule.id} class={ok ? 'password-rules__ok' : undefined}>
            <span class="password-rules__mark" aria-hidden="true">
              {ok ? '✓' : '•'}
            </span>
            {rule.label}
            <span class="visually-hidden">{ok ? ' (met)' : ' (not met yet)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
