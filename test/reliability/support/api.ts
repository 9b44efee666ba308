/** Plain HTTP calls to the chat API, as a browser makes them (the raw ID token in Authorization). */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface ApiCall {
  token?: string;
  /** A value sent as JSON; a Buffer or string is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export async function callApi(apiUrl: string, method: string, path: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...call.headers };
  if (call.token !== undefined) headers.authorization = call.token;
  const body =
    call.body === undefined
      ? undefined
      : Buffer.isBuffer(call.body)
        ? new Uint8Array(call.body)
        : typeof call.body === 'string'
          ? call.body
          : JSON.stringify(call.body);
  const response = await fetch(`${apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The message of an error body (`{"message": ...}`), if any. */
export function errorMessage(answer: { json: unknown }): string | undefined {
  const body = answer.json as { message?: unknown; Message?: unknown } | undefined;
  const message = body?.message ?? body?.Message;
  return typeof message === 'string' ? message : undefined;
}
