import { MalformedPolicyDocument } from './errors.js';
import type { PolicyDocument } from './policy-evaluator.js';

/** Checks of policy documents with IAM's MalformedPolicyDocument messages. */

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
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
const TRUST_ACTIONS = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|\*)$/i;

const malformed = (message: string) => new MalformedPolicyDocument(message);

function isStringList(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

function parse(text: string | undefined): { doc: Record<string, unknown>; statements: Record<string, unknown>[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text ?? '');
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw malformed('This policy contains invalid Json');
  const record = doc as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!TOP_LEVEL.has(key)) throw malformed('Syntax errors in policy.');
  if (record.Version !== undefined && record.Version !== '2012-10-17' && record.Version !== '2008-10-17')
    throw malformed('Syntax errors in policy.');
  if (record.Statement === undefined) throw malformed('Syntax errors in policy.');
  const statements = (Array.isArray(record.Statement) ? record.Statement : [record.Statement]) as unknown[];
  if (statements.length === 0) throw malformed('Syntax errors in policy.');
  for (const statement of statements) {
    if (!statement || typeof statement !== 'object' || Array.isArray(statement)) throw malformed('Syntax errors in policy.');
    const s = statement as Record<string, unknown>;
    for (const key of Object.keys(s)) if (!STATEMENT_FIELDS.has(key)) throw malformed('Syntax errors in policy.');
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed('Syntax errors in policy.');
    if (s.Action !== undefined && s.NotAction !== undefined) throw malformed('Syntax errors in policy.');
    if (s.Resource !== undefined && s.NotResource !== undefined) throw malformed('Syntax errors in policy.');
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
      if (s[key] !== undefined && !isStringList(s[key])) throw malformed('Syntax errors in policy.');
    }
    if (s.Condition !== undefined && (typeof s.Condition !== 'object' || s.Condition === null || Array.isArray(s.Condition))) {
      throw malformed('Syntax errors in policy.');
    }
  }
  const sids = statements.map((s) => (s as Record<string, unknown>).Sid).filter((sid) => typeof sid === 'string' && sid);
  if (new Set(sids).size !== sids.length) throw malformed('Statement IDs (SID) in a single policy must be unique.');
  return { doc: record, statements: statements as Record<string, unknown>[] };
}

function checkActions(actions: string[]): void {
  for (const action of actions) {
    if (action === '*') continue;
    const parts = action.split(':');
    if (parts.length === 1) throw malformed('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    if (parts.length > 2) throw malformed('Actions/Condition can contain only one colon.');
    if (/[^a-zA-Z0-9\-.]/.test(parts[0]!)) throw malformed(`Vendor ${parts[0]} is not valid`);
  }
}

/** An identity policy (inline or managed): actions and resources, no principal. */
export function validateIdentityPolicy(text: string | undefined): PolicyDocument {
  const { doc, statements } = parse(text);
  for (const s of statements) {
    if (s.Principal !== undefined || s.NotPrincipal !== undefined) throw malformed('Policy document should not specify a principal.');
    if (s.Action === undefined && s.NotAction === undefined) throw malformed('Policy statement must contain actions.');
    if (s.Resource === undefined && s.NotResource === undefined) throw malformed('Policy statement must contain resources.');
    checkActions(asList((s.Action ?? s.NotAction) as string | string[]));
    for (const resource of asList((s.Resource ?? s.NotResource) as string | string[])) {
      if (resource !== '*' && !resource.startsWith('arn:')) throw malformed(`Resource ${resource} must be in ARN format or "*".`);
    }
  }
  return doc as unknown as PolicyDocument;
}

function checkPrincipal(principal: unknown): void {
  if (principal === '*') return;
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) throw malformed('Invalid principal in policy: "*"');
  for (const [kind, values] of Object.entries(principal)) {
    if (!['AWS', 'Service', 'Federated', 'CanonicalUser'].includes(kind) || !isStringList(values)) {
      throw malformed(`Invalid principal in policy: "${kind}":${JSON.stringify(values)}`);
    }
    for (const value of asList(values)) {
      const ok =
        kind === 'Service'
          ? /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(value) || /^[a-z0-9.-]+\.amazon\.com$/.test(value)
          : kind === 'AWS'
            ? value === '*' || /^\d{12}$/.test(value) || /^arn:aws:(iam|sts)::\d{12}:\S+$/.test(value)
            : true;
      if (!ok) throw malformed(`Invalid principal in policy: "${kind}":"${value}"`);
    }
  }
}

/** A role's trust policy: who may assume it (Principal required, STS actions only, no Resource). */
export function validateTrustPolicy(text: string | undefined): PolicyDocument {
  const { doc, statements } = parse(text);
  for (const s of statements) {
    if (s.Resource !== undefined || s.NotResource !== undefined) throw malformed('Has prohibited field Resource');
    if (s.Principal === undefined && s.NotPrincipal === undefined) throw malformed('Missing required field Principal');
    checkPrincipal(s.Principal ?? s.NotPrincipal);
    if (s.Action === undefined && s.NotAction === undefined) throw malformed('Missing required field Action');
    for (const action of asList((s.Action ?? s.NotAction) as string | string[])) {
      if (action !== '*' && !TRUST_ACTIONS.test(action)) throw malformed('AssumeRole policy may only specify STS AssumeRole actions.');
    }
  }
  return doc as unknown as PolicyDocument;
}

/** IAM returns policy documents URL-encoded (RFC 3986), as AWS does. */
export const encodeDocument = (text: string) => encodeURIComponent(text);
