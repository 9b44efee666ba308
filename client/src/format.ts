/** Relative time in the style of moment.js `fromNow()`, which the course app used. */
export function relativeTime(time: number, nowMs: number = Date.now()): string {
  const seconds = Math.max(0, (nowMs - time) / 1000);
  const minutes = seconds / 60;
  const hours = minutes / 60;
  const days = hours / 24;
  if (seconds < 45) return 'a few seconds ago';
  if (seconds < 90) return 'a minute ago';
  if (minutes < 45) return `${Math.round(minutes)} minutes ago`;
  if (minutes < 90) return 'an hour ago';
  if (hours < 22) return `${Math.round(hours)} hours ago`;
  if (hours < 36) return 'a day ago';
  if (days < 26) return `${Math.round(days)} days ago`;
  if (days < 45) return 'a month ago';
  if (days < 320) return `${Math.round(days / 30.4375)} months ago`;
  if (days < 548) return 'a year ago';
  return `${Math.round(days / 365.25)} years ago`;
}

/** Full local date and time, for tooltips. */
export function fullTime(time: number): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The participants other than me, joined by ", " (as in the course app). */
export function otherParticipants(participants: string[], me: string | null): string {
  const others = participants.filter((p) => p !== me);
  return others.length > 0 ? others.join(', ') : 'Just you';
}
