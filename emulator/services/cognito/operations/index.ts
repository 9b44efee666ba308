import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../../protocols/aws-json.js';
import type { CognitoContext } from '../context.js';
import type { Out } from '../wire.js';
import { AdminConfirmSignUp } from './AdminConfirmSignUp.js';
import { AdminCreateUser } from './AdminCreateUser.js';
import { AdminDeleteUser } from './AdminDeleteUser.js';
import { AdminGetUser } from './AdminGetUser.js';
import { AdminInitiateAuth } from './AdminInitiateAuth.js';
import { AdminRespondToAuthChallenge } from './AdminRespondToAuthChallenge.js';
import { AdminSetUserPassword } from './AdminSetUserPassword.js';
import { AdminUpdateUserAttributes } from './AdminUpdateUserAttributes.js';
import { AdminUserGlobalSignOut } from './AdminUserGlobalSignOut.js';
import { ChangePassword } from './ChangePassword.js';
import { ConfirmForgotPassword } from './ConfirmForgotPassword.js';
import { ConfirmSignUp } from './ConfirmSignUp.js';
import { CreateUserPool } from './CreateUserPool.js';
import { CreateUserPoolClient } from './CreateUserPoolClient.js';
import { DeleteUser } from './DeleteUser.js';
import { DeleteUserPool } from './DeleteUserPool.js';
import { DeleteUserPoolClient } from './DeleteUserPoolClient.js';
import { DescribeUserPool } from './DescribeUserPool.js';
import { DescribeUserPoolClient } from './DescribeUserPoolClient.js';
import { ForgotPassword } from './ForgotPassword.js';
import { GetUser } from './GetUser.js';
import { GetUserAttributeVerificationCode } from './GetUserAttributeVerificationCode.js';
import { GlobalSignOut } from './GlobalSignOut.js';
import { InitiateAuth } from './InitiateAuth.js';
import { ListUserPoolClients } from './ListUserPoolClients.js';
import { ListUserPools } from './ListUserPools.js';
import { ListUsers } from './ListUsers.js';
import { ResendConfirmationCode } from './ResendConfirmationCode.js';
import { RespondToAuthChallenge } from './RespondToAuthChallenge.js';
import { RevokeToken } from './RevokeToken.js';
import { SignUp } from './SignUp.js';
import { UpdateUserAttributes } from './UpdateUserAttributes.js';
import { UpdateUserPool } from './UpdateUserPool.js';
import { UpdateUserPoolClient } from './UpdateUserPoolClient.js';
import { VerifyUserAttribute } from './VerifyUserAttribute.js';

type Op<I, O> = Operation<I, Out<O>, CognitoContext>;

/** Every operation the local Cognito answers, keyed by its AWS name. */
export interface CognitoOperations {
  AdminConfirmSignUp: Op<Sdk.AdminConfirmSignUpCommandInput, Sdk.AdminConfirmSignUpCommandOutput>;
  AdminCreateUser: Op<Sdk.AdminCreateUserCommandInput, Sdk.AdminCreateUserCommandOutput>;
  AdminDeleteUser: Op<Sdk.AdminDeleteUserCommandInput, Sdk.AdminDeleteUserCommandOutput>;
  AdminGetUser: Op<Sdk.AdminGetUserCommandInput, Sdk.AdminGetUserCommandOutput>;
  AdminInitiateAuth: Op<Sdk.AdminInitiateAuthCommandInput, Sdk.AdminInitiateAuthCommandOutput>;
  AdminRespondToAuthChallenge: Op<Sdk.AdminRespondToAuthChallengeCommandInput, Sdk.AdminRespondToAuthChallengeCommandOutput>;
  AdminSetUserPassword: Op<Sdk.AdminSetUserPasswordCommandInput, Sdk.AdminSetUserPasswordCommandOutput>;
  AdminUpdateUserAttributes: Op<Sdk.AdminUpdateUserAttributesCommandInput, Sdk.AdminUpdateUserAttributesCommandOutput>;
  AdminUserGlobalSignOut: Op<Sdk.AdminUserGlobalSignOutCommandInput, Sdk.AdminUserGlobalSignOutCommandOutput>;
  ChangePassword: Op<Sdk.ChangePasswordCommandInput, Sdk.ChangePasswordCommandOutput>;
  ConfirmForgotPassword: Op<Sdk.ConfirmForgotPasswordCommandInput, Sdk.ConfirmForgotPasswordCommandOutput>;
  ConfirmSignUp: Op<Sdk.ConfirmSignUpCommandInput, Sdk.ConfirmSignUpCommandOutput>;
  CreateUserPool: Op<Sdk.CreateUserPoolCommandInput, Sdk.CreateUserPoolCommandOutput>;
  CreateUserPoolClient: Op<Sdk.CreateUserPoolClientCommandInput, Sdk.CreateUserPoolClientCommandOutput>;
  DeleteUser: Op<Sdk.DeleteUserCommandInput, Sdk.DeleteUserCommandOutput>;
  DeleteUserPool: Op<Sdk.DeleteUserPoolCommandInput, Sdk.DeleteUserPoolCommandOutput>;
  DeleteUserPoolClient: Op<Sdk.DeleteUserPoolClientCommandInput, Sdk.DeleteUserPoolClientCommandOutput>;
  DescribeUserPool: Op<Sdk.DescribeUserPoolCommandInput, Sdk.DescribeUserPoolCommandOutput>;
  DescribeUserPoolClient: Op<Sdk.DescribeUserPoolClientCommandInput, Sdk.DescribeUserPoolClientCommandOutput>;
  ForgotPassword: Op<Sdk.ForgotPasswordCommandInput, Sdk.ForgotPasswordCommandOutput>;
  GetUser: Op<Sdk.GetUserCommandInput, Sdk.GetUserCommandOutput>;
  GetUserAttributeVerificationCode: Op<Sdk.GetUserAttributeVerificationCodeCommandInput, Sdk.GetUserAttributeVerificationCodeCommandOutput>;
  GlobalSignOut: Op<Sdk.GlobalSignOutCommandInput, Sdk.GlobalSignOutCommandOutput>;
  InitiateAuth: Op<Sdk.InitiateAuthCommandInput, Sdk.InitiateAuthCommandOutput>;
  ListUserPoolClients: Op<Sdk.ListUserPoolClientsCommandInput, Sdk.ListUserPoolClientsCommandOutput>;
  ListUserPools: Op<Sdk.ListUserPoolsCommandInput, Sdk.ListUserPoolsCommandOutput>;
  ListUsers: Op<Sdk.ListUsersCommandInput, Sdk.ListUsersCommandOutput>;
  ResendConfirmationCode: Op<Sdk.ResendConfirmationCodeCommandInput, Sdk.ResendConfirmationCodeCommandOutput>;
  RespondToAuthChallenge: Op<Sdk.RespondToAuthChallengeCommandInput, Sdk.RespondToAuthChallengeCommandOutput>;
  RevokeToken: Op<Sdk.RevokeTokenCommandInput, Sdk.RevokeTokenCommandOutput>;
  SignUp: Op<Sdk.SignUpCommandInput, Sdk.SignUpCommandOutput>;
  UpdateUserAttributes: Op<Sdk.UpdateUserAttributesCommandInput, Sdk.UpdateUserAttributesCommandOutput>;
  UpdateUserPool: Op<Sdk.UpdateUserPoolCommandInput, Sdk.UpdateUserPoolCommandOutput>;
  UpdateUserPoolClient: Op<Sdk.UpdateUserPoolClientCommandInput, Sdk.UpdateUserPoolClientCommandOutput>;
  VerifyUserAttribute: Op<Sdk.VerifyUserAttributeCommandInput, Sdk.VerifyUserAttributeCommandOutput>;
}

export const OPERATIONS: CognitoOperations = {
  AdminConfirmSignUp,
  AdminCreateUser,
  AdminDeleteUser,
  AdminGetUser,
  AdminInitiateAuth,
  AdminRespondToAuthChallenge,
  AdminSetUserPassword,
  AdminUpdateUserAttributes,
  AdminUserGlobalSignOut,
  ChangePassword,
  ConfirmForgotPassword,
  ConfirmSignUp,
  CreateUserPool,
  CreateUserPoolClient,
  DeleteUser,
  DeleteUserPool,
  DeleteUserPoolClient,
  DescribeUserPool,
  DescribeUserPoolClient,
  ForgotPassword,
  GetUser,
  GetUserAttributeVerificationCode,
  GlobalSignOut,
  InitiateAuth,
  ListUserPoolClients,
  ListUserPools,
  ListUsers,
  ResendConfirmationCode,
  RespondToAuthChallenge,
  RevokeToken,
  SignUp,
  UpdateUserAttributes,
  UpdateUserPool,
  UpdateUserPoolClient,
  VerifyUserAttribute,
};
