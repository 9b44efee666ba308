import type { CreateRoleCommandInput, CreateRoleCommandOutput } from '@aws-sdk/client-iam';
import { validateTrustPolicy } from '../documents.js';
import { EntityAlreadyExists, ValidationError } from '../errors.js';
import type { RoleRecord } from '../storage.js';
import { asNumber, checkName, checkPath, checkTags, required } from '../validation.js';
import { newId, roleView } from './common.js';
import type { IamContext, Output } from './context.js';

export function CreateRole(input: CreateRoleCommandInput, ctx: IamContext): Output<CreateRoleCommandOutput> {
  const name = checkName(input.RoleName, 'roleName', 64);
  const path = checkPath(input.Path);
  const document = required(input.AssumeRolePolicyDocument, 'assumeRolePolicyDocument');
  validateTrustPolicy(document);
  const maxSession = asNumber(input.MaxSessionDuration) ?? 3600;
  if (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200) {
    throw new ValidationError(
      `1 validation error detected: Value '${input.MaxSessionDuration}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200`,
    );
  }
  if (input.Description !== undefined && input.Description.length > 1000) {
    throw new ValidationError(
      "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 1000",
    );
  }
  const tags = checkTags(input.Tags);
  const roles = ctx.iam.roles(ctx.account);
  if (roles.get(name.toLowerCase())) throw new EntityAlreadyExists(`Role with name ${name} already exists.`);
  const role: RoleRecord = {
    RoleName: name,
    RoleId: newId('AROA'),
    Arn: `arn:aws:iam::${ctx.account}:role${path}${name}`,
    Path: path,
    CreateDate: new Date().toISOString(),
    AssumeRolePolicyDocument: document,
    Description: input.Description,
    MaxSessionDuration: maxSession,
    Tags: tags,
    inlinePolicies: {},
    attachedPolicies: [],
  };
  roles.put(name.toLowerCase(), role);
  const { RoleLastUsed: _unused, ...view } = roleView(role);
  return { Role: view };
}
