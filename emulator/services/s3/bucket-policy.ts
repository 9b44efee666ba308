import { type PolicyDocument, wildcardMatch } from '../iam/policy-evaluator.js';
import { MalformedPolicy } from './errors.js';

const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_KINDS = new Set(['AWS', 'Service', 'CanonicalUser', 'Federated']);

const fail = (message: string) => new MalformedPolicy(message);

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/** Actions on objects (resource `bucket/key`) as opposed to actions on the bucket itself. */
function isObjectAction(action: string): boolean {
  return /^s3:(\w*Object\w*|AbortMultipartUpload|ListMultipartUploadParts)$/i.test(action) && !/^s3:\w*Bucket/i.test(action);
}

function validatePrincipal(principal: unknown): void {
  if (principal === '*') return;
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) throw fail('Invalid principal in policy');
  for (const [kind, values] of Object.entries(principal)) {
    const list = strings(values);
    if (!PRINCIPAL_KINDS.has(kind) || !list || list.length === 0) throw fail('Invalid principal in policy');
    if (kind === 'AWS') {
      for (const value of list) {
        if (value !== '*' && !/^\d{12}$/.test(value) && !/^arn:aws:(iam|sts)::\d{12}:\S+$/.test(value)) {
          throw fail('Invalid principal in policy');
        }
      }
    }
  }
}

function validateStatement(statement: unknown, bucket: string): void {
  if (!statement || typeof statement !== 'object' || Array.isArray(statement)) throw fail('This policy contains invalid Json');
  const s = statement as Record<string, unknown>;
  for (const field of Object.keys(s)) if (!STATEMENT_FIELDS.has(field)) throw fail(`Unknown field ${field}`);
  if (s.Effect === undefined) throw fail('Missing required field Effect');
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw fail(`Invalid effect: ${String(s.Effect)}`);
  if (s.Principal === undefined && s.NotPrincipal === undefined) throw fail('Missing required field Principal');
  validatePrincipal(s.Principal ?? s.NotPrincipal);
  const actions = strings(s.Action ?? s.NotAction);
  if (s.Action === undefined && s.NotAction === undefined) throw fail('Missing required field Action');
  if (!actions || actions.length === 0 || actions.some((a) => a !== '*' && !/^s3:[\w*?]+$/i.test(a)))
    throw fail('Policy has invalid action');
  const resources = strings(s.Resource ?? s.NotResource);
  if (s.Resource === undefined && s.NotResource === undefined) throw fail('Missing required field Resource');
  if (!resources || resources.length === 0) throw fail('Policy has invalid resource');
  let objectResource = false;
  let bucketResource = false;
  for (const resource of resources) {
    const m = /^arn:aws:s3:::([^/]+)(\/.*)?$/.exec(resource);
    if (!m || !wildcardMatch(m[1]!, bucket)) throw fail('Policy has invalid resource');
    if (m[2] !== undefined || m[1]!.endsWith('*')) objectResource = true;
    if (m[2] === undefined) bucketResource = true;
  }
  if (s.Action !== undefined && s.Resource !== undefined) {
    for (const action of actions) {
      if (/[*?]/.test(action)) continue;
      if (isObjectAction(action) ? !objectResource : !bucketResource) throw fail('Action does not apply to any resource(s) in statement');
    }
  }
  if (s.Condition !== undefined && (typeof s.Condition !== 'object' || s.Condition === null || Array.isArray(s.Condition))) {
    throw fail('Policy has an invalid condition key');
  }
}

/** Checks a bucket policy as PutBucketPolicy does and returns it parsed; throws MalformedPolicy with AWS's message. */
export function validateBucketPolicy(text: string, bucket: string): PolicyDocument {
  if (!text.trimStart().startsWith('{')) throw fail("Policies must be valid JSON and the first byte must be '{'");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fail('This policy contains invalid Json');
  }
  const doc = parsed as Record<string, unknown>;
  if (doc.Version !== undefined && doc.Version !== '2012-10-17' && doc.Version !== '2008-10-17') {
    throw fail('The policy must contain a valid version string');
  }
  if (doc.Statement === undefined) throw fail('Missing required field Statement');
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (statements.length === 0) throw fail('Could not parse the policy: Statement is empty!');
  for (const statement of statements) validateStatement(statement, bucket);
  return doc as unknown as PolicyDocument;
}
