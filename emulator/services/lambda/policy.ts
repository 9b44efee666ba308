import { InvalidParameterValueException } from './errors.js';

/** One statement of a function's resource policy, in the shape AWS stores and returns it. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: { Service: string } | { AWS: string } | '*';
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface PermissionInput {
  statementId: string;
  action: string;
  principal: string;
  resource: string;
  sourceArn?: string;
  sourceAccount?: string;
  eventSourceToken?: string;
  principalOrgId?: string;
  functionUrlAuthType?: string;
}

/** Builds the statement AddPermission stores, keys in AWS's order. */
export function buildStatement(input: PermissionInput): PolicyStatement {
  const statement: PolicyStatement = {
    Sid: input.statementId,
    Effect: 'Allow',
    Principal: principalOf(input.principal),
    Action: input.action,
    Resource: input.resource,
  };
  const condition: Record<string, Record<string, string>> = {};
  const add = (operator: string, key: string, value: string) => {
    condition[operator] = { ...condition[operator], [key]: value };
  };
  if (input.functionUrlAuthType) add('StringEquals', 'lambda:FunctionUrlAuthType', input.functionUrlAuthType);
  if (input.principalOrgId) add('StringEquals', 'aws:PrincipalOrgID', input.principalOrgId);
  if (input.sourceAccount) add('StringEquals', 'AWS:SourceAccount', input.sourceAccount);
  if (input.eventSourceToken) add('StringEquals', 'lambda:EventSourceToken', input.eventSourceToken);
  if (input.sourceArn) add('ArnLike', 'AWS:SourceArn', input.sourceArn);
  if (Object.keys(condition).length) statement.Condition = condition;
  return statement;
}

function principalOf(principal: string): PolicyStatement['Principal'] {
  if (principal === '*') return '*';
  if (principal.endsWith('.amazonaws.com') || principal.endsWith('.amazonaws.com.cn')) return { Service: principal };
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (/^arn:aws[a-zA-Z-]*:iam:/.test(principal)) return { AWS: principal };
  throw new InvalidParameterValueException('The provided principal was invalid. Please check the principal and try again.');
}

export interface InvokeCaller {
  /** A service principal such as apigateway.amazonaws.com. */
  principal: string;
  sourceArn?: string;
  sourceAccount?: string;
}

/** Whether some statement lets this service principal call lambda:InvokeFunction from this source. */
export function allowsInvoke(statements: PolicyStatement[], caller: InvokeCaller): boolean {
  return statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      principalMatches(s.Principal, caller.principal) &&
      actionMatches(s.Action) &&
      conditionsHold(s.Condition, caller),
  );
}

function principalMatches(principal: PolicyStatement['Principal'], caller: string): boolean {
  if (principal === '*') return true;
  const values = 'Service' in principal ? principal.Service : principal.AWS;
  return (Array.isArray(values) ? values : [values]).some((v: string) => v === caller || v === '*');
}

function actionMatches(action: string | string[]): boolean {
  return (Array.isArray(action) ? action : [action]).some((a) => {
    const lower = a.toLowerCase();
    return lower === 'lambda:invokefunction' || lower === 'lambda:*' || lower === '*';
  });
}

function conditionsHold(condition: PolicyStatement['Condition'], caller: InvokeCaller): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([operator, entries]) =>
    Object.entries(entries).every(([key, expected]) => {
      const actual = conditionValue(key, caller);
      if (actual === undefined) return false;
      switch (operator) {
        case 'ArnLike':
          return arnLike(expected, actual);
        case 'ArnEquals':
        case 'StringEquals':
          return expected === actual;
        case 'StringLike':
          return glob(expected, actual);
        default:
          return false;
      }
    }),
  );
}

function conditionValue(key: string, caller: InvokeCaller): string | undefined {
  switch (key.toLowerCase()) {
    case 'aws:sourcearn':
      return caller.sourceArn;
    case 'aws:sourceaccount':
      return caller.sourceAccount ?? caller.sourceArn?.split(':')[4];
    default:
      return undefined;
  }
}

/** IAM's ArnLike: the six colon-separated parts are compared one by one, each with `*` and `?` wildcards. */
export function arnLike(pattern: string, arn: string): boolean {
  const a = splitArn(pattern);
  const b = splitArn(arn);
  if (!a || !b) return glob(pattern, arn);
  return a.every((part, i) => glob(part, b[i]!));
}

function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

function glob(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(value);
}
