interface Props {
  name: string;
}

const HUES = [210, 340, 150, 30, 270, 190, 0, 90];

function hueOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return HUES[hash % HUES.length] ?? 210;
}

/** A round badge with the first letter of a name, coloured by the name. */
export function Avatar({ name }: Props) {
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span class="avatar" style={{ '--avatar-hue': String(hueOf(name)) }} aria-hidden="true">
      {initial}
    </span>
  );
}
