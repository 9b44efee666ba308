interface Props {
  name: string;
  small?: boolean;
}

const HUES = [210, 340, 150, 30, 270, 190, 0, 90];

function hueOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return HUES[hash % HUES.length] ?? 210;
}

/**
 * A round badge with the first letter of a name, coloured by the name. The letter is drawn by CSS
 * (attr(data-initial)) so that it is not part of the row's text.
 */
export function Avatar({ name, small = false }: Props) {
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span
      class={small ? 'avatar avatar--small' : 'avatar'}
      style={{ '--avatar-hue': String(hueOf(name)) }}
      data-initial={initial}
      aria-hidden="true"
    />
  );
}
