/**
 * Evaluates IAM policy documents (identity policies and resource policies such as S3 bucket
 * policies): Effect, Principal/NotPrincipal, Action/NotAction, Resource/NotResource with `*` and
 * `?` wildcards, and the common condition operators. An explicit Deny wins over any Allow;
 * nothing matching is an implicit deny.
 *
 * A role session matches a principal naming its role's ARN as well as its own assumed-role ARN.
 *
 * Not yet: policy variables (`${aws:username}`), NotPrincipal with assumed-role sessions,
 * Numeric/Date/IpAddress/Binary condition operators (a statement using them never matches).
 */

export type Effect = 'Allow' | 'Deny';
type OneOrMany<T> = T | T[];

export interface PolicyStatement {
  Sid?: string;
  Effect: Effect;
  Principal?: '*' | Record<string, OneOrMany<string>>;
  NotPrincipal?: '*' | Record<string, OneOrMany<string>>;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: Record<string, Record<string, OneOrMany<string | number | boolean>>>;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: OneOrMany<PolicyStatement>;
}

/** Who is asking. Absent for anonymous (unsigned) requests. */
export interface Principal {
  /** e.g. arn:aws:iam::123456789012:root, arn:aws:iam::123456789012:user/alice, arn:aws:sts::123456789012:assumed-role/R/S */
  arn: string;
  account: string;
  /** For a role session: the role's ARN, which a policy may name to match all its sessions. */
  roleArn?: string;
}

export interface AuthorizationRequest {
  principal?: Principal;
  /** An AWS service calling on its own behalf, e.g. "cloudfront.amazonaws.com". */
  service?: string;
  /** e.g. "s3:GetObject" */
  action: string;
  /** e.g. "arn:aws:s3:::bucket/key" */
  resource: string;
  /** Condition keys (any case) and their values, e.g. {"aws:SourceArn": "arn:..."}. */
  context?: Record<string, string | string[]>;
  /**
   * A resource policy of the principal's own account: an Allow naming the account (its id or
   * root) only delegates to the principal's identity policies, so it does not match here.
   */
  sameAccount?: boolean;
}

/** Allow, explicit Deny, or no statement applies (an implicit deny). */
export type Decision = 'Allow' | 'Deny' | 'NoMatch';

export function statementsOf(policy: PolicyDocument): PolicyStatement[] {
  const statements = policy.Statement;
  return Array.isArray(statements) ? statements : [statements];
}

function list<T>(value: OneOrMany<T> | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Glob match with `*` (any run) and `?` (one character). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star !== -1) {
      pi = star + 1;
      vi = ++mark;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

function principalMatches(spec: PolicyStatement['Principal'], request: AuthorizationRequest, accountMatches = true): boolean {
  if (spec === '*') return true;
  if (!spec || typeof spec !== 'object') return false;
  for (const [kind, values] of Object.entries(spec)) {
    for (const value of list(values)) {
      if (kind === 'AWS') {
        if (value === '*') return true;
        const who = request.principal;
        if (!who) continue;
        if (value === who.arn || (who.roleArn !== undefined && value === who.roleArn)) return true;
        if (accountMatches && (value === who.account || value === `arn:aws:iam::${who.account}:root`)) return true;
      } else if (kind === 'Service') {
        if (request.service && value === request.service) return true;
      }
    }
  }
  return false;
}

function actionMatches(patterns: string[], action: string): boolean {
  return patterns.some((pattern) => wildcardMatch(pattern, action, true));
}

function resourceMatches(patterns: string[], resource: string): boolean {
  return patterns.some((pattern) => wildcardMatch(pattern, resource));
}

function contextValues(context: AuthorizationRequest['context'], key: string): string[] | undefined {
  if (!context) return undefined;
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() === wanted) return Array.isArray(v) ? v : [v];
  return undefined;
}

const STRING_OPERATORS: Record<string, (expected: string, actual: string) => boolean> = {
  StringEquals: (e, a) => e === a,
  StringNotEquals: (e, a) => e !== a,
  StringEqualsIgnoreCase: (e, a) => e.toLowerCase() === a.toLowerCase(),
  StringNotEqualsIgnoreCase: (e, a) => e.toLowerCase() !== a.toLowerCase(),
  StringLike: (e, a) => wildcardMatch(e, a),
  StringNotLike: (e, a) => !wildcardMatch(e, a),
  ArnEquals: (e, a) => e === a,
  ArnNotEquals: (e, a) => e !== a,
  ArnLike: (e, a) => wildcardMatch(e, a),
  ArnNotLike: (e, a) => !wildcardMatch(e, a),
  Bool: (e, a) => e.toLowerCase() === a.toLowerCase(),
};
const NEGATED = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike']);

function conditionHolds(operatorName: string, key: string, expected: string[], context: AuthorizationRequest['context']): boolean {
  let operator = operatorName;
  let setQualifier: 'ForAnyValue' | 'ForAllValues' | undefined;
  const qualified = /^(ForAnyValue|ForAllValues):(.+)$/.exec(operator);
  if (qualified) {
    setQualifier = qualified[1] as 'ForAnyValue' | 'ForAllValues';
    operator = qualified[2]!;
  }
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);
  const actual = contextValues(context, key);
  if (operator === 'Null') {
    const wantsAbsent = expected.some((e) => e.toLowerCase() === 'true');
    return wantsAbsent ? actual === undefined : actual !== undefined;
  }
  const test = STRING_OPERATORS[operator];
  if (!test) return false;
  if (actual === undefined) return ifExists || setQualifier === 'ForAllValues';
  const negated = NEGATED.has(operator);
  const one = (value: string) => (negated ? expected.every((e) => test(e, value)) : expected.some((e) => test(e, value)));
  if (setQualifier === 'ForAllValues') return actual.every(one);
  return actual.some(one);
}

function conditionsHold(condition: PolicyStatement['Condition'], context: AuthorizationRequest['context']): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([operator, keys]) =>
    Object.entries(keys ?? {}).every(([key, values]) => conditionHolds(operator, key, list(values).map(String), context)),
  );
}

function statementApplies(statement: PolicyStatement, request: AuthorizationRequest): boolean {
  const accountMatches = !(request.sameAccount && statement.Effect === 'Allow');
  if (statement.Principal !== undefined && !principalMatches(statement.Principal, request, accountMatches)) return false;
  if (statement.NotPrincipal !== undefined && principalMatches(statement.NotPrincipal, request)) return false;
  if (statement.Action !== undefined && !actionMatches(list(statement.Action), request.action)) return false;
  if (statement.NotAction !== undefined && actionMatches(list(statement.NotAction), request.action)) return false;
  if (statement.Resource !== undefined && !resourceMatches(list(statement.Resource), request.resource)) return false;
  if (statement.NotResource !== undefined && resourceMatches(list(statement.NotResource), request.resource)) return false;
  return conditionsHold(statement.Condition, request.context);
}

/** Evaluates one or more policies together: any matching Deny wins, then any matching Allow. */
export function evaluatePolicies(policies: PolicyDocument[], request: AuthorizationRequest): Decision {
  let allowed = false;
  for (const policy of policies) {
    for (const statement of statementsOf(policy)) {
      if (!statementApplies(statement, request)) continue;
      if (statement.Effect === 'Deny') return 'Deny';
      if (statement.Effect === 'Allow') allowed = true;
    }
  }
  return allowed ? 'Allow' : 'NoMatch';
}

/** Condition keys that pin a statement to known callers, so a `*` principal with them is not public (AWS's rule). */
const FIXING_CONDITION_KEYS = new Set(
  [
    'aws:SourceIp',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:userid',
    's3:DataAccessPointArn',
    's3:DataAccessPointAccount',
  ].map((k) => k.toLowerCase()),
);

function isWildcardPrincipal(spec: PolicyStatement['Principal']): boolean {
  if (spec === '*') return true;
  if (!spec || typeof spec !== 'object') return false;
  return list(spec.AWS).includes('*');
}

/** Whether a resource policy grants access to everyone (the "public" test behind S3 Block Public Access). */
export function grantsPublicAccess(policy: PolicyDocument): boolean {
  return statementsOf(policy).some((statement) => {
    if (statement.Effect !== 'Allow' || !isWildcardPrincipal(statement.Principal)) return false;
    const keys = Object.values(statement.Condition ?? {}).flatMap((entry) => Object.keys(entry ?? {}));
    return !keys.some((key) => FIXING_CONDITION_KEYS.has(key.toLowerCase()));
  });
}
