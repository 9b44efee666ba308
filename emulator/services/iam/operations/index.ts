import type * as IamSdk from '@aws-sdk/client-iam';
import type { Operation } from '../../../protocols/aws-json.js';
import { AttachRolePolicy } from './AttachRolePolicy.js';
import { AttachUserPolicy } from './AttachUserPolicy.js';
import { CreateAccessKey } from './CreateAccessKey.js';
import { CreatePolicy } from './CreatePolicy.js';
import { CreatePolicyVersion } from './CreatePolicyVersion.js';
import { CreateRole } from './CreateRole.js';
import { CreateUser } from './CreateUser.js';
import type { IamContext } from './context.js';
import { DeleteAccessKey } from './DeleteAccessKey.js';
import { DeletePolicy } from './DeletePolicy.js';
import { DeletePolicyVersion } from './DeletePolicyVersion.js';
import { DeleteRole } from './DeleteRole.js';
import { DeleteRolePolicy } from './DeleteRolePolicy.js';
import { DeleteUser } from './DeleteUser.js';
import { DeleteUserPolicy } from './DeleteUserPolicy.js';
import { DetachRolePolicy } from './DetachRolePolicy.js';
import { DetachUserPolicy } from './DetachUserPolicy.js';
import { GetPolicy } from './GetPolicy.js';
import { GetPolicyVersion } from './GetPolicyVersion.js';
import { GetRole } from './GetRole.js';
import { GetRolePolicy } from './GetRolePolicy.js';
import { GetUser } from './GetUser.js';
import { GetUserPolicy } from './GetUserPolicy.js';
import { ListAccessKeys } from './ListAccessKeys.js';
import { ListAttachedRolePolicies } from './ListAttachedRolePolicies.js';
import { ListAttachedUserPolicies } from './ListAttachedUserPolicies.js';
import { ListEntitiesForPolicy } from './ListEntitiesForPolicy.js';
import { ListPolicies } from './ListPolicies.js';
import { ListPolicyVersions } from './ListPolicyVersions.js';
import { ListRolePolicies } from './ListRolePolicies.js';
import { ListRoles } from './ListRoles.js';
import { ListRoleTags } from './ListRoleTags.js';
import { ListUserPolicies } from './ListUserPolicies.js';
import { ListUsers } from './ListUsers.js';
import { PutRolePolicy } from './PutRolePolicy.js';
import { PutUserPolicy } from './PutUserPolicy.js';
import { SetDefaultPolicyVersion } from './SetDefaultPolicyVersion.js';
import { TagRole } from './TagRole.js';
import { UntagRole } from './UntagRole.js';
import { UpdateAccessKey } from './UpdateAccessKey.js';
import { UpdateAssumeRolePolicy } from './UpdateAssumeRolePolicy.js';
import { UpdateRole } from './UpdateRole.js';

/** Every IAM operation name the SDK knows (from its `<Name>Command` exports). */
export type IamCommandName = { [K in keyof typeof IamSdk]: K extends `${infer N}Command` ? N : never }[keyof typeof IamSdk];

/** The implemented operations, keyed by AWS name (a misspelt name fails the type check). */
export const OPERATIONS = {
  AttachRolePolicy,
  AttachUserPolicy,
  CreateAccessKey,
  CreatePolicy,
  CreatePolicyVersion,
  CreateRole,
  CreateUser,
  DeleteAccessKey,
  DeletePolicy,
  DeletePolicyVersion,
  DeleteRole,
  DeleteRolePolicy,
  DeleteUser,
  DeleteUserPolicy,
  DetachRolePolicy,
  DetachUserPolicy,
  GetPolicy,
  GetPolicyVersion,
  GetRole,
  GetRolePolicy,
  GetUser,
  GetUserPolicy,
  ListAccessKeys,
  ListAttachedRolePolicies,
  ListAttachedUserPolicies,
  ListEntitiesForPolicy,
  ListPolicies,
  ListPolicyVersions,
  ListRolePolicies,
  ListRoleTags,
  ListRoles,
  ListUserPolicies,
  ListUsers,
  PutRolePolicy,
  PutUserPolicy,
  SetDefaultPolicyVersion,
  TagRole,
  UntagRole,
  UpdateAccessKey,
  UpdateAssumeRolePolicy,
  UpdateRole,
} satisfies Partial<Record<IamCommandName, Operation<any, unknown, IamContext>>>;
