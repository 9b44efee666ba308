/**
 * The only module that calls the REST API ("Chat-API"). Every call carries the raw Cognito ID
 * token in the Authorization header (no "Bearer "), as the Cognito User Pools authorizer expects.
 */
import type { components } from './api-schema';
import { AuthError, expireSession, getIdToken } from './auth';
import { getConfig } from './state';

// The API's shapes come from its OpenAPI export (npm run export-api), so the client follows the models.
type Schemas = components['schemas'];
export type ConversationSummary = Schemas['ConversationList'][number];
export type Conversation = Schemas['Conversation'];
export type Message = Conversation['messages'][number];

/** An API failure with the message to show the user (the API's own `{"message": ...}` when given). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** HTTP status, or 0 when the API could not be reached. */
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function errorMessageFrom(body: unknown): string | null {
  if (typeof body === 'string' && body.trim()) return body.trim();
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  for (const key of ['message', 'Message', 'errorMessage', 'error']) {
    const value = b[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Your session has expired. Please log in again.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Please wait a moment and try again.';
  if (status >= 500) return `The chat service had a problem (HTTP ${status}). Please try again.`;
  return `The request failed (HTTP ${status}).`;
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Accept a non-JSON text body (returned as the string), e.g. a bare conversation id. */
  textOk?: boolean;
}

async function request<T>(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<T> {
  const { body, signal, textOk = false } = options;
  const { apiUrl } = getConfig();
  let token: string;
  try {
    token = await getIdToken();
  } catch (err) {
    if (err instanceof AuthError && err.code === 'NetworkError') throw new ApiError(0, err.message);
    throw new ApiError(401, err instanceof Error ? err.message : 'Please log in.');
  }
  const headers: Record<string, string> = { Authorization: token, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(apiUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'Could not reach the chat service. Check your connection and try again.');
  }

  const text = await response.text();
  let parsed: unknown;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }

  if (!response.ok) {
    if (response.status === 401) expireSession();
    throw new ApiError(response.status, errorMessageFrom(parsed) ?? defaultMessage(response.status));
  }
  if (text && parsed === undefined) {
    if (textOk) return text.trim() as T;
    throw new ApiError(response.status, 'The chat service sent a response this app cannot read.');
  }
  return parsed as T;
}

// ---------------------------------------------------------------------------------------------
// Response normalisation: tolerate small shape differences, never trust types blindly.

function asStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function asTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function asMessage(value: unknown): Message | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  const time = asTime(m.time);
  if (typeof m.sender !== 'string' || time === undefined) return null;
  return { sender: m.sender, time, message: typeof m.message === 'string' ? m.message : String(m.message ?? '') };
}

function asSummary(value: unknown): ConversationSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  if (typeof c.id !== 'string') return null;
  const last = asTime(c.last);
  return last === undefined
    ? { id: c.id, participants: asStringArray(c.participants) }
    : { id: c.id, participants: asStringArray(c.participants), last };
}

// ---------------------------------------------------------------------------------------------
// Endpoints

/** GET /conversations: the caller's conversations. */
export async function listConversations(signal?: AbortSignal): Promise<ConversationSummary[]> {
  const body = await request<unknown>('GET', '/conversations', { signal });
  return (Array.isArray(body) ? body : []).map(asSummary).filter((c): c is ConversationSummary => c !== null);
}

/**
 * GET /conversations/{id}: participants and messages, oldest first. With `since` (epoch ms) the
 * API may return only newer messages; callers de-duplicate, so an API that ignores it works too.
 */
export async function getConversation(id: string, options: { since?: number; signal?: AbortSignal } = {}): Promise<Conversation> {
  const query = options.since === undefined ? '' : `?since=${Math.floor(options.since)}`;
  const body = await request<unknown>('GET', `/conversations/${encodeURIComponent(id)}${query}`, { signal: options.signal });
  const c = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const messages = (Array.isArray(c.messages) ? c.messages : []).map(asMessage).filter((m): m is Message => m !== null);
  messages.sort((a, b) => a.time - b.time);
  const last = asTime(c.last);
  return {
    id: typeof c.id === 'string' ? c.id : id,
    participants: asStringArray(c.participants),
    ...(last === undefined ? {} : { last }),
    messages,
  };
}

/** POST /conversations with the other users: returns the new conversation's id. */
export async function createConversation(users: string[]): Promise<string> {
  const body = await request<unknown>('POST', '/conversations', { body: users, textOk: true });
  if (typeof body === 'string' && body) return body;
  if (typeof body === 'object' && body !== null && typeof (body as { id?: unknown }).id === 'string') {
    return (body as { id: string }).id;
  }
  throw new ApiError(200, 'The chat service did not return the new conversation id.');
}

/** POST /conversations/{id} with the message text (a JSON string). */
export async function sendMessage(id: string, text: string): Promise<void> {
  await request<unknown>('POST', `/conversations/${encodeURIComponent(id)}`, { body: text, textOk: true });
}

/** GET /users: every other user's username. */
export async function listUsers(signal?: AbortSignal): Promise<string[]> {
  return asStringArray(await request<unknown>('GET', '/users', { signal }));
}

/** A message to show for any error thrown by this module. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError || err instanceof AuthError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
