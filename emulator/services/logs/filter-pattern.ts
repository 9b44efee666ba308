import { InvalidParameterException } from './errors.js';

/**
 * CloudWatch Logs text filter patterns: plain terms (all must appear), quoted phrases, `?term`
 * alternatives (at least one must appear), `-term` exclusions and `%regex%` terms. Terms are case
 * sensitive, as on AWS. JSON (`{ $.x = ... }`) and space-delimited (`[a, b]`) patterns are refused.
 */
export type MessageFilter = (message: string) => boolean;

interface Term {
  kind: 'required' | 'optional' | 'excluded';
  test: (message: string) => boolean;
}

export function compileFilterPattern(pattern: string | undefined): MessageFilter {
  const source = (pattern ?? '').trim();
  if (!source) return () => true;
  if (source.startsWith('{') || source.startsWith('[')) {
    throw new InvalidParameterException(
      'Invalid filter pattern: the local cloud matches text patterns only (terms, "quoted phrases", ?alternatives, -exclusions, %regex%); JSON and space-delimited patterns are not supported yet.',
    );
  }
  const terms = tokenize(source);
  const required = terms.filter((t) => t.kind === 'required');
  const optional = terms.filter((t) => t.kind === 'optional');
  const excluded = terms.filter((t) => t.kind === 'excluded');
  return (message) =>
    required.every((t) => t.test(message)) &&
    !excluded.some((t) => t.test(message)) &&
    (optional.length === 0 || optional.some((t) => t.test(message)));
}

function tokenize(source: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < source.length) {
    if (/\s/.test(source[i]!)) {
      i++;
      continue;
    }
    let kind: Term['kind'] = 'required';
    if (source[i] === '?') {
      kind = 'optional';
      i++;
    } else if (source[i] === '-' && i + 1 < source.length && !/\s/.test(source[i + 1]!)) {
      kind = 'excluded';
      i++;
    }
    let text: string;
    if (source[i] === '"') {
      const end = findClosingQuote(source, i + 1);
      text = source.slice(i + 1, end).replace(/\\"/g, '"');
      i = end + 1;
      terms.push({ kind, test: (m) => m.includes(text) });
      continue;
    }
    const start = i;
    while (i < source.length && !/\s/.test(source[i]!)) i++;
    text = source.slice(start, i);
    if (text.length > 1 && text.startsWith('%') && text.endsWith('%')) {
      let regex: RegExp;
      try {
        regex = new RegExp(text.slice(1, -1));
      } catch {
        throw new InvalidParameterException(`Invalid filter pattern: ${source}`);
      }
      terms.push({ kind, test: (m) => regex.test(m) });
    } else if (text) {
      terms.push({ kind, test: (m) => m.includes(text) });
    }
  }
  return terms;
}

function findClosingQuote(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"') return i;
  }
  throw new InvalidParameterException(`Invalid filter pattern: ${source}`);
}
