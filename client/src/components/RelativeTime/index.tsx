import { fullTime, relativeTime } from '../../format';
import { now } from '../../state';

interface Props {
  /** Epoch ms; renders nothing when absent. */
  time?: number;
  class?: string;
}

/** "3 minutes ago", refreshed with the shared 10-second clock; the full date in the tooltip. */
export function RelativeTime({ time, class: className }: Props) {
  if (time === undefined) return null;
  return (
    <time class={className} dateTime={new Date(time).toISOString()} title={fullTime(time)}>
      {relativeTime(time, now.value)}
    </time>
  );
}
