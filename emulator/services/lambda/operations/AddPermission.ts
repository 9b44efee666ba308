import type { AddPermissionCommandInput, AddPermissionCommandOutput } from '@aws-sdk/client-lambda';
import { functionArn } from '../arns.js';
import type { LambdaOperation } from '../context.js';
import {
  InvalidParameterValueException,
  ResourceConflictException,
  revisionMismatch,
  ValidationException,
  validationMessage,
} from '../errors.js';
import { buildStatement } from '../policy.js';
import { requireQualifier } from '../qualifiers.js';
import { LATEST, touchRevision } from '../state.js';

const STATEMENT_ID = /^[a-zA-Z0-9-_.]{1,100}$/;
const ACTION = /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/;
const SOURCE_ARN = /^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)$/;

/**
 * Adds a statement to the policy of the function, or of one version or alias (`Qualifier`): each
 * has its own policy, which applies only to invocations naming exactly that qualifier.
 */
export const AddPermission: LambdaOperation<AddPermissionCommandInput, AddPermissionCommandOutput> = (input, ctx) => {
  const { functions, fn, qualifier } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  check('statementId', input.StatementId, STATEMENT_ID, '([a-zA-Z0-9-_.]+)');
  check('action', input.Action, ACTION, '(lambda:[*]|lambda:[a-zA-Z]+|[*])');
  check('principal', input.Principal, /^[^\s]+$/, '[^\\s]+');
  if (input.SourceArn !== undefined) {
    check(
      'sourceArn',
      input.SourceArn,
      SOURCE_ARN,
      'arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)',
    );
  }
  if (qualifier === LATEST) throw new InvalidParameterValueException('We currently do not support adding policies for $LATEST.');
  const resolved = requireQualifier(fn, qualifier, functions.account, functions.region);
  const revisionId = resolved.alias?.revisionId ?? resolved.config.revisionId;
  if (input.RevisionId && input.RevisionId !== revisionId) throw revisionMismatch();
  const key = qualifier ?? LATEST;
  const policy = fn.policies[key] ?? { statements: [] };
  if (policy.statements.some((s) => s.Sid === input.StatementId)) {
    throw new ResourceConflictException(
      `The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
    );
  }
  const statement = buildStatement({
    statementId: input.StatementId!,
    action: input.Action!,
    principal: input.Principal!,
    resource: functionArn(functions.region, functions.account, fn.name, qualifier),
    ...(input.SourceArn ? { sourceArn: input.SourceArn } : {}),
    ...(input.SourceAccount ? { sourceAccount: input.SourceAccount } : {}),
    ...(input.EventSourceToken ? { eventSourceToken: input.EventSourceToken } : {}),
    ...(input.PrincipalOrgID ? { principalOrgId: input.PrincipalOrgID } : {}),
    ...(input.FunctionUrlAuthType ? { functionUrlAuthType: input.FunctionUrlAuthType } : {}),
  });
  fn.policies[key] = { statements: [...policy.statements, statement] };
  touchRevision(fn, key);
  functions.put(fn);
  return { Statement: JSON.stringify(statement) };
};

function check(member: string, value: string | undefined, pattern: RegExp, shown: string): void {
  if (value === undefined || value === null) throw new ValidationException(validationMessage(member, value, 'Member must not be null'));
  if (!pattern.test(value))
    throw new ValidationException(validationMessage(member, value, `Member must satisfy regular expression pattern: ${shown}`));
}
