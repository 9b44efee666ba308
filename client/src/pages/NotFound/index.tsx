import { useTitle } from '../../hooks';
import { href } from '../../router';

export function NotFound({ path }: { path: string }) {
  useTitle('Not found');
  return (
    <section class="card card--narrow" data-testid="not-found">
      <h1>Page not found</h1>
      <p class="muted">
        There is no page at <code>#{path}</code>.
      </p>
      <p>
        <a class="button button--primary" href={href('/conversations')}>
          Go to your chats
        </a>
      </p>
    </section>
  );
}
