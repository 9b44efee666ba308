import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../../protocols/aws-json.js';
import type { CognitoContext } from '../context.js';
import type { Out } from '../wire.js';
import { AdminConfirmSignUp } from './AdminConfirmSignUp.js';
import { AdminDeleteUser } from './AdminDeleteUser.js';
import { AdminGetUser } from './AdminGetUser.js';
import { ConfirmSignUp } from './ConfirmSignUp.js';
import { CreateUserPool } from './CreateUserPool.js';
import { CreateUserPoolClient } from './CreateUserPoolClient.js';
import { DeleteUser } from './DeleteUser.js';
import { DeleteUserPool } from './DeleteUserPool.js';
import { DeleteUserPoolClient } from './DeleteUserPoolClient.js';
import { DescribeUserPool } from './DescribeUserPool.js';
import { DescribeUserPoolClient } from './DescribeUserPoolClient.js';
import { GetUser } from './GetUser.js';
import { InitiateAuth } from './InitiateAuth.js';
import { ListUserPoolClients } from './ListUserPoolClients.js';
import { ListUserPools } from './ListUserPools.js';
import { ListUsers } from './ListUsers.js';
import { ResendConfirmationCode } from './ResendConfirmationCode.js';
import { SignUp } from './SignUp.js';
import { UpdateUserPool } from './UpdateUserPool.js';
import { UpdateUserPoolClient } from './UpdateUserPoolClient.js';

type Op<I, O> = Operation<I, Out<O>, CognitoContext>;

/** Every operation the local Cognito answers, keyed by its AWS name. */
export interface CognitoOperations {
  AdminConfirmSignUp: Op<Sdk.AdminConfirmSignUpCommandInput, Sdk.AdminConfirmSignUpCommandOutput>;
  AdminDeleteUser: Op<Sdk.AdminDeleteUserCommandInput, Sdk.AdminDeleteUserCommandOutput>;
  AdminGetUser: Op<Sdk.AdminGetUserCommandInput, Sdk.AdminGetUserCommandOutput>;
  ConfirmSignUp: Op<Sdk.ConfirmSignUpCommandInput, Sdk.ConfirmSignUpCommandOutput>;
  CreateUserPool: Op<Sdk.CreateUserPoolCommandInput, Sdk.CreateUserPoolCommandOutput>;
  CreateUserPoolClient: Op<Sdk.CreateUserPoolClientCommandInput, Sdk.CreateUserPoolClientCommandOutput>;
  DeleteUser: Op<Sdk.DeleteUserCommandInput, Sdk.DeleteUserCommandOutput>;
  DeleteUserPool: Op<Sdk.DeleteUserPoolCommandInput, Sdk.DeleteUserPoolCommandOutput>;
  DeleteUserPoolClient: Op<Sdk.DeleteUserPoolClientCommandInput, Sdk.DeleteUserPoolClientCommandOutput>;
  DescribeUserPool: Op<Sdk.DescribeUserPoolCommandInput, Sdk.DescribeUserPoolCommandOutput>;
  DescribeUserPoolClient: Op<Sdk.DescribeUserPoolClientCommandInput, Sdk.DescribeUserPoolClientCommandOutput>;
  GetUser: Op<Sdk.GetUserCommandInput, Sdk.GetUserCommandOutput>;
  InitiateAuth: Op<Sdk.InitiateAuthCommandInput, Sdk.InitiateAuthCommandOutput>;
  ListUserPoolClients: Op<Sdk.ListUserPoolClientsCommandInput, Sdk.ListUserPoolClientsCommandOutput>;
  ListUserPools: Op<Sdk.ListUserPoolsCommandInput, Sdk.ListUserPoolsCommandOutput>;
  ListUsers: Op<Sdk.ListUsersCommandInput, Sdk.ListUsersCommandOutput>;
  ResendConfirmationCode: Op<Sdk.ResendConfirmationCodeCommandInput, Sdk.ResendConfirmationCodeCommandOutput>;
  SignUp: Op<Sdk.SignUpCommandInput, Sdk.SignUpCommandOutput>;
  UpdateUserPool: Op<Sdk.UpdateUserPoolCommandInput, Sdk.UpdateUserPoolCommandOutput>;
  UpdateUserPoolClient: Op<Sdk.UpdateUserPoolClientCommandInput, Sdk.UpdateUserPoolClientCommandOutput>;
}

export const OPERATIONS: CognitoOperations = {
  AdminConfirmSignUp,
  AdminDeleteUser,
  AdminGetUser,
  ConfirmSignUp,
  CreateUserPool,
  CreateUserPoolClient,
  DeleteUser,
  DeleteUserPool,
  DeleteUserPoolClient,
  DescribeUserPool,
  DescribeUserPoolClient,
  GetUser,
  InitiateAuth,
  ListUserPoolClients,
  ListUserPools,
  ListUsers,
  ResendConfirmationCode,
  SignUp,
  UpdateUserPool,
  UpdateUserPoolClient,
};
