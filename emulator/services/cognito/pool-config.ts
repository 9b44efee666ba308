import type {
  CreateUserPoolCommandInput,
  UpdateUserPoolCommandInput,
  UserPoolDescriptionType,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException } from './errors.js';
import type { PoolRecord, PoolScope } from './state.js';
import { type Constraints, whole } from './validate.js';
import type { Wire } from './wire.js';

type PoolInput = CreateUserPoolCommandInput | UpdateUserPoolCommandInput;

const VERIFIED_ATTRIBUTES = ['phone_number', 'email'];

/** Checks the settings CreateUserPool and UpdateUserPool share against the API model. */
export function checkPoolSettings(checks: Constraints, input: PoolInput): void {
  const policy = input.Policies?.PasswordPolicy;
  if (policy) {
    checks.integer(policy.MinimumLength, 'policies.passwordPolicy.minimumLength', { min: 6, max: 99 });
    checks.integer(policy.TemporaryPasswordValidityDays, 'policies.passwordPolicy.temporaryPasswordValidityDays', { min: 0, max: 365 });
    checks.integer(policy.PasswordHistorySize, 'policies.passwordPolicy.passwordHistorySize', { min: 0, max: 24 });
  }
  checks.listOf(input.AutoVerifiedAttributes, 'autoVerifiedAttributes', VERIFIED_ATTRIBUTES);
  checks.oneOf(input.MfaConfiguration, 'mfaConfiguration', ['OFF', 'ON', 'OPTIONAL']);
  checks.oneOf(input.DeletionProtection, 'deletionProtection', ['ACTIVE', 'INACTIVE']);
  checks.oneOf(input.UserPoolTier, 'userPoolTier', ['LITE', 'ESSENTIALS', 'PLUS']);
  if ('UsernameAttributes' in input) checks.listOf(input.UsernameAttributes, 'usernameAttributes', VERIFIED_ATTRIBUTES);
  if ('AliasAttributes' in input) checks.listOf(input.AliasAttributes, 'aliasAttributes', [...VERIFIED_ATTRIBUTES, 'preferred_username']);
  if (input.LambdaConfig !== undefined && (typeof input.LambdaConfig !== 'object' || Array.isArray(input.LambdaConfig))) {
    throw new InvalidParameterException('LambdaConfig must be a structure.');
  }
  const lambdaConfig = (input.LambdaConfig ?? {}) as Record<string, unknown>;
  for (const name of LAMBDA_TRIGGERS) {
    checks.string(lambdaConfig[name], `lambdaConfig.${name[0]!.toLowerCase()}${name.slice(1)}`, {
      min: 20,
      max: 2048,
      pattern: whole(ARN),
      patternText: ARN.source,
    });
  }
  const tokenConfig = input.LambdaConfig?.PreTokenGenerationConfig;
  if (tokenConfig) {
    checks.string(tokenConfig.LambdaArn, 'lambdaConfig.preTokenGenerationConfig.lambdaArn', {
      required: true,
      min: 20,
      max: 2048,
      pattern: whole(ARN),
      patternText: ARN.source,
    });
    checks.oneOf(tokenConfig.LambdaVersion, 'lambdaConfig.preTokenGenerationConfig.lambdaVersion', ['V1_0', 'V2_0', 'V3_0'], {
      required: true,
    });
  }
}

/** The LambdaConfig members that name a function directly. */
const LAMBDA_TRIGGERS = [
  'PreSignUp',
  'CustomMessage',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'DefineAuthChallenge',
  'CreateAuthChallenge',
  'VerifyAuthChallengeResponse',
  'PreTokenGeneration',
  'UserMigration',
  'KMSKeyID',
];
const ARN = /arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?/;

/**
 * The settings of a pool that CreateUserPool sets and UpdateUserPool replaces: what the input
 * gives, and Cognito's default for whatever it leaves out (UpdateUserPool resets omitted settings).
 */
export function poolSettings(input: PoolInput): Partial<PoolRecord> {
  const policy = input.Policies?.PasswordPolicy;
  const settings: Wire<UserPoolType> = {
    Policies: {
      PasswordPolicy: policy
        ? {
            MinimumLength: policy.MinimumLength ?? 8,
            RequireUppercase: policy.RequireUppercase ?? false,
            RequireLowercase: policy.RequireLowercase ?? false,
            RequireNumbers: policy.RequireNumbers ?? false,
            RequireSymbols: policy.RequireSymbols ?? false,
            ...(policy.PasswordHistorySize === undefined ? {} : { PasswordHistorySize: policy.PasswordHistorySize }),
            TemporaryPasswordValidityDays: policy.TemporaryPasswordValidityDays ?? 7,
          }
        : {
            MinimumLength: 8,
            RequireUppercase: true,
            RequireLowercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: 7,
          },
      SignInPolicy: input.Policies?.SignInPolicy ?? { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    DeletionProtection: input.DeletionProtection ?? 'INACTIVE',
    LambdaConfig: input.LambdaConfig ?? {},
    AutoVerifiedAttributes: input.AutoVerifiedAttributes,
    SmsVerificationMessage: input.SmsVerificationMessage,
    EmailVerificationMessage: input.EmailVerificationMessage,
    EmailVerificationSubject: input.EmailVerificationSubject,
    VerificationMessageTemplate: {
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      ...input.VerificationMessageTemplate,
      ...(input.EmailVerificationMessage && !input.VerificationMessageTemplate?.EmailMessage
        ? { EmailMessage: input.EmailVerificationMessage }
        : {}),
      ...(input.EmailVerificationSubject && !input.VerificationMessageTemplate?.EmailSubject
        ? { EmailSubject: input.EmailVerificationSubject }
        : {}),
      ...(input.SmsVerificationMessage && !input.VerificationMessageTemplate?.SmsMessage
        ? { SmsMessage: input.SmsVerificationMessage }
        : {}),
    },
    SmsAuthenticationMessage: input.SmsAuthenticationMessage,
    UserAttributeUpdateSettings: input.UserAttributeUpdateSettings ?? { AttributesRequireVerificationBeforeUpdate: [] },
    MfaConfiguration: input.MfaConfiguration ?? 'OFF',
    DeviceConfiguration: input.DeviceConfiguration,
    EmailConfiguration: input.EmailConfiguration ?? { EmailSendingAccount: 'COGNITO_DEFAULT' },
    SmsConfiguration: input.SmsConfiguration,
    UserPoolTags: input.UserPoolTags,
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7, ...input.AdminCreateUserConfig },
    UserPoolAddOns: input.UserPoolAddOns,
    AccountRecoverySetting: input.AccountRecoverySetting,
    UserPoolTier: input.UserPoolTier ?? 'ESSENTIALS',
  };
  return withoutUndefined(settings);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** DescribeUserPool's view of a pool. */
export function describePool(scope: PoolScope): Wire<UserPoolType> {
  return { ...scope.pool, EstimatedNumberOfUsers: scope.userCount() };
}

/** ListUserPools' summary of a pool. */
export function summarizePool(pool: PoolRecord): Wire<UserPoolDescriptionType> {
  return {
    Id: pool.Id,
    Name: pool.Name,
    LambdaConfig: pool.LambdaConfig ?? {},
    LastModifiedDate: pool.LastModifiedDate,
    CreationDate: pool.CreationDate,
  };
}
