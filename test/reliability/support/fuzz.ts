import fc from 'fast-check';

/** Strings that tend to break parsers, paths and templates. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '.',
  '..',
  '../..',
  '..%2F..',
  '%',
  '%00',
  '%E0%A4%A',
  '%zz',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '😀',
  'a'.repeat(1100),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{}',
  '[]',
  'null',
  'true',
  '-1',
  '0',
  '1e309',
  'NaN',
  '<x/>',
  '<![CDATA[x]]>',
  '&amp;',
  '$' + '{x}', // a template placeholder, literally
  '$input.body',
  '#set($x=1)',
  "'",
  '"',
  '\\',
  '\r\n',
  '*',
  '?',
  '#',
  '/',
  '//',
  'arn:aws:iam::000000000000:role/x',
  'arn:aws:lambda:us-east-1:000000000000:function:x',
];

export function fuzzString(known: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: known.length ? 3 : 0, arbitrary: fc.constantFrom(...(known.length ? known : [''])) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  );
}

/** JSON values with object keys drawn mostly from `members` (the wire names of the service). */
export function jsonValue(members: string[], known: string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...members) }, { weight: 1, arbitrary: fuzzString() });
  const leaf = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(0, -1, 1e308, -0, 2 ** 53 + 1, 0.1, 4294967296),
    fuzzString(known),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    ),
  }));
  return value;
}

/** A JSON object as an operation's input, keys mostly the service's member names. */
export function inputObject(members: string[], known: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.constantFrom(...members), jsonValue(members, known), { maxKeys: 6 });
}

const DEEP = 20_000;

/** Bodies no serializer would produce. */
export const garbageBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '',
    '{',
    'null',
    '[]',
    '"x"',
    '1',
    '{"a":',
    '\u0000',
    '{"__proto__": {"polluted": "yes"}}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`,
    `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`,
    Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    Buffer.from('{"a":"\xff"}', 'latin1'),
  ),
);

/** A JSON body: mostly a plausible input object, sometimes garbage. */
export function jsonBody(members: string[], known: string[]): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    { weight: 5, arbitrary: inputObject(members, known).map((input) => JSON.stringify(input)) },
    { weight: 2, arbitrary: garbageBody },
  );
}

/** XML documents from element names, with hostile text and the classic entity attacks. */
export function xmlBody(elements: string[], known: string[]): fc.Arbitrary<string | Buffer> {
  const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const { node } = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fuzzString(known).map(escapeText),
      fc
        .tuple(fc.constantFrom(...elements), fc.array(tie('node'), { maxLength: 4 }))
        .map(([name, children]) => `<${name}>${(children as string[]).join('')}</${name}>`),
    ),
  }));
  const laughs = [
    '<!DOCTYPE lolz [<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ']>',
  ].join('');
  return fc.oneof(
    { weight: 5, arbitrary: node.map((xml) => `<?xml version="1.0" encoding="UTF-8"?>${xml}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '<a>',
        '<a></b>',
        '<?xml version="1.0"?>',
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Tagging><TagSet><Tag><Key>&e;</Key><Value>v</Value></Tag></TagSet></Tagging>',
        `${laughs}<Tagging><TagSet><Tag><Key>&lol9;</Key><Value>v</Value></Tag></TagSet></Tagging>`,
        `${'<a>'.repeat(DEEP)}${'</a>'.repeat(DEEP)}`,
      ),
    },
    { weight: 1, arbitrary: garbageBody },
  );
}

/** Percent-encodes any string, lone surrogates included (as U+FFFD, which is what a client could send). */
export function encode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
}

/** A value an HTTP/1.1 header line can carry (visible ASCII and obs-text): the codecs, not Node's parser, are under test. */
export function headerValue(text: string): string {
  return text.replace(/[^\x20-\x7e\x80-\xff]/g, '?');
}

/** A path segment as a client might encode it, or not. */
export function pathSegment(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fuzzString(known).map((s) => encode(s) || 'x') },
    { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '..', '.', '%2e%2e', '%2F', '%00', '%C0%AE', '%FF', 'a%2Fb', '~', ';') },
  );
}

/** A query string from names the route knows and hostile values. */
export function queryString(names: string[], known: string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...(names.length ? names : ['x'])), fuzzString()), fuzzString(known)), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'));
}

/** The headers of a SigV4 request with a key the local cloud does not know, so it reads the scope and skips the signature check. */
export function sigv4(signingName: string, accessKeyId = 'AKIAFUZZFUZZFUZZFUZZ'): Array<[string, string]> {
  const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return [
    ['X-Amz-Date', date],
    [
      'Authorization',
      `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${date.slice(0, 8)}/us-east-1/${signingName}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    ],
  ];
}
