import type { ComponentChildren, Ref } from 'preact';

interface FieldProps {
  label: string;
  /** Shown below the input; give `hintId` too and point the input's aria-describedby at it. */
  hint?: ComponentChildren;
  hintId?: string;
  children: ComponentChildren;
}

/** A labelled form field: its input as children, an optional hint below. */
export function Field({ label, hint, hintId, children }: FieldProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes as children
    <label class="field">
      <span class="field__label">{label}</span>
      {children}
      {hint && (
        <span class="field__hint" id={hintId}>
          {hint}
        </span>
      )}
    </label>
  );
}

interface UsernameFieldProps {
  value: string;
  onInput: (value: string) => void;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  maxLength?: number;
  hint?: ComponentChildren;
  hintId?: string;
}

/** The username every form asks for: no capitalisation or spellcheck, the browser's username autofill. */
export function UsernameField({ value, onInput, testId, inputRef, maxLength = 128, hint, hintId }: UsernameFieldProps) {
  return (
    <Field label="Username" hint={hint} hintId={hintId}>
      <input
        ref={inputRef}
        type="text"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellcheck={false}
        maxLength={maxLength}
        required
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-describedby={hintId}
        data-testid={testId}
      />
    </Field>
  );
}
