import type { ComponentChildren } from 'preact';
import type { NoticeKind } from '../../state';

interface Props {
  kind?: NoticeKind;
  children: ComponentChildren;
  testId?: string;
}

/** An inline message box. Errors are announced assertively, others politely. */
export function Alert({ kind = 'info', children, testId }: Props) {
  return (
    <div class={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
