interface Props {
  label?: string;
}

/** A small loading indicator with a visible label. */
export function Spinner({ label = 'Loading…' }: Props) {
  return (
    <p class="spinner" aria-live="polite">
      <span class="spinner__dot" aria-hidden="true" />
      {label}
    </p>
  );
}
