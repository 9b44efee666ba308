/**
 * Runtime configuration, read from `./config.json` beside index.html so that one build serves
 * every target (embedded local cloud, LocalStack, real AWS). The provisioner uploads the file.
 */

export interface AppConfig {
  /** AWS region of the user pool, e.g. "us-east-1". */
  region: string;
  /** API Gateway stage URL, no trailing slash, e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod */
  apiUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  /** Cognito endpoint override (local cloud, LocalStack); null on real AWS. */
  cognitoEndpoint: string | null;
  /** True on the embedded local cloud: no email is sent, codes land in its outbox. */
  local: boolean;
  /** URL of the local cloud's GET /_emulator/cognito/codes, when local. */
  outboxUrl: string | null;
}

export const CONFIG_PATH = './config.json';

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly url: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Validates the parsed JSON; throws a ConfigError listing every problem found. */
export function parseConfig(raw: unknown, url: string): AppConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('config.json must contain a JSON object.', url);
  }
  const obj = raw as Record<string, unknown>;
  const problems: string[] = [];

  const requiredString = (key: string): string => {
    const value = obj[key];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`"${key}" must be a non-empty string`);
      return '';
    }
    return value.trim();
  };
  const optionalUrl = (key: string): string | null => {
    const value = obj[key];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string' || !isHttpUrl(value)) {
      problems.push(`"${key}" must be an http(s) URL or null`);
      return null;
    }
    return value.replace(/\/+$/, '');
  };

  const region = requiredString('region');
  const apiUrl = requiredString('apiUrl').replace(/\/+$/, '');
  if (apiUrl && !isHttpUrl(apiUrl)) problems.push('"apiUrl" must be an http(s) URL');
  const userPoolId = requiredString('userPoolId');
  const userPoolClientId = requiredString('userPoolClientId');
  const cognitoEndpoint = optionalUrl('cognitoEndpoint');
  const outboxUrl = optionalUrl('outboxUrl');
  let local = false;
  if (obj.local !== undefined && obj.local !== null) {
    if (typeof obj.local !== 'boolean') problems.push('"local" must be true or false');
    else local = obj.local;
  }

  if (problems.length > 0) {
    throw new ConfigError('config.json is incomplete or invalid.', url, problems);
  }
  return { region, apiUrl, userPoolId, userPoolClientId, cognitoEndpoint, local, outboxUrl };
}

/** Fetches and validates ./config.json (relative to the page, so path-style URLs work). */
export async function loadConfig(path = CONFIG_PATH): Promise<AppConfig> {
  const url = new URL(path, document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new ConfigError(`Could not download config.json: ${err instanceof Error ? err.message : String(err)}.`, url);
  }
  if (!response.ok) {
    throw new ConfigError(
      `config.json could not be loaded (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}).`,
      url,
    );
  }
  const text = await response.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const type = response.headers.get('Content-Type') ?? 'unknown type';
    throw new ConfigError(`config.json is not valid JSON (received ${type}).`, url);
  }
  return parseConfig(raw, url);
}
