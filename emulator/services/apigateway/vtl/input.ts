import { selectJsonPath } from './json-path.js';

/** The request parameters a template sees through `$input.params()`. */
export interface TemplateParams {
  path: Record<string, string>;
  querystring: Record<string, string>;
  header: Record<string, string>;
}

/** Gson's HTML-safe output, which `$input.json` shows: `<`, `>`, `&`, `=` and `'` as `\u00XX` escapes. */
function gsonJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/[<>&='\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The `$input` variable: the payload (the method request body in a request template, the
 * integration's answer in a response template) and the method request parameters.
 * - `body`: the payload as a string;
 * - `json(path)`: the JSON at a JSONPath, as JSON text (`{}` for an empty payload, `null` for no match);
 * - `path(path)`: the value at a JSONPath, as an object the template can walk (null for an empty payload);
 * - `params()`: `{path, querystring, header}`; `params(name)`: the first of path, query string and
 *   header with that name, else an empty string.
 * A payload that is not JSON fails the template as soon as `json` or `path` reads it.
 */
export function inputVariable(body: string, params: TemplateParams) {
  let parsed: { value: unknown } | undefined;
  const document = (): unknown => {
    parsed ??= { value: JSON.parse(body) };
    return parsed.value;
  };
  const isEmpty = () => body.trim() === '';
  return {
    body,
    json(path: unknown): string {
      if (isEmpty()) return '{}';
      return gsonJson(selectJsonPath(document(), String(path ?? '$')));
    },
    path(path: unknown): unknown {
      if (isEmpty()) return null;
      return selectJsonPath(document(), String(path ?? '$')) ?? null;
    },
    params(name?: unknown): unknown {
      if (name === undefined) return params;
      const key = String(name);
      if (Object.hasOwn(params.path, key)) return params.path[key];
      if (Object.hasOwn(params.querystring, key)) return params.querystring[key];
      const header = Object.keys(params.header).find((h) => h.toLowerCase() === key.toLowerCase());
      return header === undefined ? '' : params.header[header];
    },
    toString: () => '$input',
  };
}
