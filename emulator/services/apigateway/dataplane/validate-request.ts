import { modelValidator } from '../model-schemas.js';
import { GatewayError, type Invocation } from './context.js';
import { requestContentType } from './mapping-template.js';

const badRequest = (responseType: string, message: string) => new GatewayError(responseType, message, 400, 'BadRequestException');

/** The required parameters (`method.request.{path|querystring|header}.NAME: true`) the request lacks, by name, sorted as AWS lists them. */
function missingParameters(inv: Invocation): string[] {
  const missing: string[] = [];
  for (const [key, required] of Object.entries(inv.method!.requestParameters ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!required) continue;
    const m = /^method\.request\.(path|querystring|header|multivalueheader|multivaluequerystring)\.(.+)$/.exec(key);
    if (!m) continue;
    const [, where, name] = m as unknown as [string, string, string];
    const present =
      where === 'path'
        ? inv.pathParameters?.[name] !== undefined
        : where.endsWith('querystring')
          ? inv.request.query.has(name)
          : inv.request.headers[name.toLowerCase()] !== undefined;
    if (!present) missing.push(name);
  }
  return missing;
}

/** The model the body must match: the one for the request's Content-Type, else `$default`; Empty when the method names none. */
function requestModel(inv: Invocation): string | undefined {
  const models = inv.method!.requestModels ?? {};
  if (!Object.keys(models).length) return 'Empty';
  const contentType = requestContentType(inv);
  return Object.entries(models).find(([type]) => type.toLowerCase() === contentType)?.[1] ?? models.$default;
}

function bodyErrors(inv: Invocation, modelName: string): string[] | undefined {
  const models = inv.snapshot!.models ?? {};
  const validate = modelValidator(inv.apiId, models, modelName);
  if (!validate) return [`Model ${modelName} could not be resolved`];
  let body: unknown;
  const text = inv.request.body.toString('utf8');
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return ['Invalid JSON in request body'];
  }
  if (validate(body)) return undefined;
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/**
 * The method request's second step, the request validator: required parameters (400 "Missing
 * required request parameters: [a, b]"), then the body against the method's model (400 "Invalid
 * request body"). The integration is never reached when it refuses.
 */
export function validateRequest(inv: Invocation): void {
  const validatorId = inv.method!.requestValidatorId;
  const validator = validatorId ? inv.snapshot!.requestValidators?.[validatorId] : undefined;
  if (!validator) return;
  if (validator.validateRequestParameters) {
    const missing = missingParameters(inv);
    if (missing.length) {
      const message = `Missing required request parameters: [${missing.join(', ')}]`;
      inv.log?.add(`Request validation failed: ${message}`);
      throw badRequest('BAD_REQUEST_PARAMETERS', message);
    }
  }
  if (validator.validateRequestBody) {
    const modelName = requestModel(inv);
    const errors = modelName ? bodyErrors(inv, modelName) : undefined;
    if (errors) {
      inv.log?.add(`Request body does not match model schema for content type ${requestContentType(inv)}: [${errors.join(', ')}]`);
      throw badRequest('BAD_REQUEST_BODY', 'Invalid request body');
    }
  }
}
