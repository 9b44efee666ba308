import { describe, expect, it } from 'vitest';
import { inputVariable, type TemplateParams } from './input.js';
import { selectJsonPath } from './json-path.js';
import { renderTemplate, TemplateError } from './render.js';
import { base64Decode, base64Encode, escapeJavaScript, parseJson, urlDecode, urlEncode, utilVariable } from './util.js';

const NO_PARAMS: TemplateParams = { path: {}, querystring: {}, header: {} };

function render(template: string, body = '', params: TemplateParams = NO_PARAMS, context: unknown = {}, stageVariables = {}) {
  return renderTemplate(template, { input: inputVariable(body, params), util: utilVariable(), context, stageVariables });
}

describe('$util', () => {
  it("escapeJavaScript escapes a single quote as \\' (the AWS quirk), quotes, backslashes, slashes and control characters", () => {
    expect(escapeJavaScript("it's")).toBe("it\\'s");
    expect(escapeJavaScript('say "hi"')).toBe('say \\"hi\\"');
    expect(escapeJavaScript('a\\b')).toBe('a\\\\b');
    expect(escapeJavaScript('</script>')).toBe('<\\/script>');
    expect(escapeJavaScript('line1\nline2\ttab\r\b\f')).toBe('line1\\nline2\\ttab\\r\\b\\f');
    expect(escapeJavaScript('\u0001')).toBe('\\u0001');
  });

  it('escapeJavaScript writes non-ASCII characters as \\uXXXX UTF-16 units', () => {
    expect(escapeJavaScript('café')).toBe('caf\\u00E9');
    expect(escapeJavaScript('😀')).toBe('\\uD83D\\uDE00');
    expect(escapeJavaScript(42)).toBe('42');
    expect(escapeJavaScript(null)).toBe('');
  });

  it("escapeJavaScript output breaks JSON only through the \\' quirk", () => {
    const rendered = render('{"m": "$util.escapeJavaScript($input.path(\'$\'))"}', JSON.stringify('He said "no" / ok'));
    expect(JSON.parse(rendered)).toEqual({ m: 'He said "no" / ok' });
    expect(() => JSON.parse(render('{"m": "$util.escapeJavaScript($input.path(\'$\'))"}', JSON.stringify("don't")))).toThrow();
  });

  it('urlEncode and urlDecode follow Java URLEncoder/URLDecoder', () => {
    expect(urlEncode('a b&c=d/é*~!')).toBe('a+b%26c%3Dd%2F%C3%A9*%7E%21');
    expect(urlDecode('a+b%26c%3Dd%2F%C3%A9')).toBe('a b&c=d/é');
    expect(() => urlDecode('%zz')).toThrow();
  });

  it('base64Encode and base64Decode work on UTF-8 text', () => {
    expect(base64Encode('héllo')).toBe(Buffer.from('héllo').toString('base64'));
    expect(base64Decode(base64Encode('héllo'))).toBe('héllo');
  });

  it('parseJson gives an object the template can walk', () => {
    expect(parseJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(render(`#set($o = $util.parseJson('{"user":{"name":"bob"}}'))$o.user.name`)).toBe('bob');
    expect(() => render(`$util.parseJson('not json')`)).toThrow(TemplateError);
  });
});

describe('$input', () => {
  const params: TemplateParams = {
    path: { id: 'c-1' },
    querystring: { since: '5', id: 'from-query' },
    header: { 'Content-Type': 'application/json', 'X-Name': 'header-value' },
  };

  it('body is the payload as sent', () => {
    expect(render('$input.body', '{"a": 1}')).toBe('{"a": 1}');
  });

  it("json('$...') gives JSON text, so a body string stays safely escaped", () => {
    expect(render(`$input.json('$')`, JSON.stringify('say "hi"\n'))).toBe('"say \\"hi\\"\\n"');
    expect(render(`$input.json('$.user')`, '{"user":{"name":"bob","tags":["a"]}}')).toBe('{"name":"bob","tags":["a"]}');
    expect(render(`$input.json('$.missing')`, '{}')).toBe('null');
    expect(render(`$input.json('$')`, '')).toBe('{}');
  });

  it("json() writes <, >, &, = and ' as Gson does", () => {
    expect(render(`$input.json('$')`, JSON.stringify("a=b & it's <x>"))).toBe('"a\\u003db \\u0026 it\\u0027s \\u003cx\\u003e"');
    expect(JSON.parse(render(`$input.json('$')`, JSON.stringify("a=b & it's <x>")))).toBe("a=b & it's <x>");
  });

  it("path('$...') gives a value the template can walk", () => {
    const body = '{"users":["ann","bob"],"n":2,"nested":{"k":"v"}}';
    expect(render(`$input.path('$.users').size()`, body)).toBe('2');
    expect(render(`#foreach($u in $input.path('$.users'))$u#if($foreach.hasNext),#end#end`, body)).toBe('ann,bob');
    expect(render(`$input.path('$.nested')`, body)).toBe('{k=v}');
    expect(render(`$input.path('$.nested').k`, body)).toBe('v');
    expect(render(`[$input.path('$.missing')]`, body)).toBe('[]');
    expect(render(`[$input.path('$')]`, '')).toBe('[]');
  });

  it('a payload that is not JSON fails json() and path()', () => {
    expect(() => render(`$input.json('$')`, '{oops')).toThrow(TemplateError);
    expect(() => render(`$input.path('$')`, '{oops')).toThrow(TemplateError);
    expect(render('$input.body', '{oops')).toBe('{oops');
  });

  it("params('name') searches path, query string, then header; params() gives all three", () => {
    expect(render(`$input.params('id')`, '', params)).toBe('c-1');
    expect(render(`$input.params('since')`, '', params)).toBe('5');
    expect(render(`$input.params('X-Name')`, '', params)).toBe('header-value');
    expect(render(`$input.params('x-name')`, '', params)).toBe('header-value');
    expect(render(`[$input.params('nothing')]`, '', params)).toBe('[]');
    expect(render(`$input.params().path.id $input.params().querystring.get('since')`, '', params)).toBe('c-1 5');
    expect(render(`#foreach($k in $input.params().header.keySet())$k;#end`, '', params)).toBe('Content-Type;X-Name;');
  });
});

describe('templates', () => {
  const context = {
    requestId: 'r-1',
    stage: 'prod',
    authorizer: { claims: { 'cognito:username': 'alice', email: 'a@example.com' } },
    identity: { sourceIp: '127.0.0.1' },
  };

  it("renders the course's request template with a safely escaped message", () => {
    const template = `{"cognitoUsername": "$context.authorizer.claims['cognito:username']", "id": "$input.params('id')", "message": $input.json('$')}`;
    const body = JSON.stringify('He said "hi"\nand left');
    const rendered = render(template, body, { path: { id: 'c-1' }, querystring: {}, header: {} }, context);
    expect(JSON.parse(rendered)).toEqual({ cognitoUsername: 'alice', id: 'c-1', message: 'He said "hi"\nand left' });
  });

  it('renders absent references as nothing, as API Gateway does', () => {
    expect(render('[$context.authorizer.claims.nothing][$nothing][$stageVariables.alias]', '', NO_PARAMS, {})).toBe('[][][]');
  });

  it('reads $stageVariables and $context', () => {
    expect(render('$stageVariables.alias/$context.stage/$context.identity.sourceIp', '', NO_PARAMS, context, { alias: 'live' })).toBe(
      'live/prod/127.0.0.1',
    );
  });

  it('supports the Java string, map and list methods templates use', () => {
    const body = '{"m":{"a":1},"l":[1,2],"s":"Hello World"}';
    expect(render(`#set($s = $input.path('$.s'))$s.length() $s.toLowerCase() $s.replaceAll('o+', '0') $s.contains('World')`, body)).toBe(
      '11 hello world Hell0 W0rld true',
    );
    expect(render(`#set($s = $input.path('$.s'))$s.matches('H.*d') $s.split(' ').size() $s.replace('l', 'L') $s.isEmpty()`, body)).toBe(
      'true 2 HeLLo WorLd false',
    );
    expect(render(`#set($m = $input.path('$.m'))$m.containsKey('a') $m.isEmpty() $m.keySet() $m.size()`, body)).toBe('true false [a] 1');
    expect(render(`#set($l = $input.path('$.l'))$l.contains(2) $l.isEmpty() $l.get(0)`, body)).toBe('true false 1');
    expect(render(`#if("$input.params('x')" == "")empty#{else}set#end`)).toBe('empty');
  });

  it('refuses a template that does not parse', () => {
    expect(() => render('#if($x')).toThrow(TemplateError);
  });
});

describe('JSONPath', () => {
  const doc = { a: { b: [{ c: 1 }, { c: 2 }], 'd e': 'x' }, n: null };
  it('reads definite paths as one value and indefinite ones as a list', () => {
    expect(selectJsonPath(doc, '$')).toBe(doc);
    expect(selectJsonPath(doc, '$.a.b[1].c')).toBe(2);
    expect(selectJsonPath(doc, "$['a']['d e']")).toBe('x');
    expect(selectJsonPath(doc, '$.a.b[-1].c')).toBe(2);
    expect(selectJsonPath(doc, '$.a.b[*].c')).toEqual([1, 2]);
    expect(selectJsonPath(doc, '$..c')).toEqual([1, 2]);
    expect(selectJsonPath(doc, '$.a.b[0:1]')).toEqual([{ c: 1 }]);
    expect(selectJsonPath(doc, '$.n')).toBeNull();
    expect(selectJsonPath(doc, '$.zzz')).toBeUndefined();
    expect(selectJsonPath(doc, 'a.d e')).toBe('x');
  });
});
