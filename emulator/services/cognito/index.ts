/**
 * Cognito user pools (cognito-idp, awsJson1_1): pools and app clients; sign-up with email codes
 * (written with the message text to an outbox at GET /_emulator/cognito/codes and to the console,
 * never sent); sign-in with USER_SRP_AUTH (Cognito's SRP-6a, byte-compatible with
 * amazon-cognito-identity-js and Amplify: PASSWORD_VERIFIER with SALT/SRP_B/SECRET_BLOCK, decoy
 * challenges when PreventUserExistenceErrors hides unknown users), USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, through InitiateAuth, AdminInitiateAuth,
 * RespondToAuthChallenge and AdminRespondToAuthChallenge (PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED);
 * AdminCreateUser with temporary passwords that expire, AdminSetUserPassword, ForgotPassword /
 * ConfirmForgotPassword, ChangePassword; GlobalSignOut, AdminUserGlobalSignOut and RevokeToken
 * (revoked refresh tokens refused, access tokens of revoked sessions refused by the operations that
 * take them; the API Gateway authorizer, like AWS's, checks only signature and expiry);
 * UpdateUserAttributes / AdminUpdateUserAttributes with email and phone verification
 * (VerifyUserAttribute, GetUserAttributeVerificationCode, AttributesRequireVerificationBeforeUpdate);
 * RS256 tokens signed by a per-pool key kept in the store, lifetimes from the app client; the
 * pool's JWKS and OpenID configuration under /{poolId}/.well-known/; token checks for API
 * Gateway's COGNITO_USER_POOLS authorizer (TokenVerifier).
 * Lambda triggers PreSignUp, PostConfirmation, PreAuthentication, PostAuthentication,
 * PreTokenGeneration (event versions 1 and 2) and CustomMessage run through the local Lambda as
 * cognito-idp.amazonaws.com (the function's resource policy must allow the pool), with AWS's event
 * shapes; their answers are applied (auto-confirm and auto-verify, claims added or suppressed,
 * custom message text) and their failures become UserLambdaValidationException,
 * InvalidLambdaResponseException or UnexpectedLambdaException.
 * Passwords are stored as scrypt hashes beside the SRP salt and verifier; users whose password was
 * set before SRP was supported get a verifier at their next USER_PASSWORD_AUTH sign-in or password
 * change, and until then fail SRP sign-in (a console line says why). Refresh tokens, SECRET_BLOCKs
 * and challenge Sessions are opaque random strings (AWS's are encrypted), stored as hashes.
 *
 * Not yet: CUSTOM_AUTH and USER_AUTH flows and their triggers (Define/Create/VerifyAuthChallenge),
 * UserMigration, custom email/SMS sender triggers, PreTokenGeneration V3 specifics and group
 * overrides; the triggers' 5-second limit and retries (the function's own timeout applies); groups,
 * MFA, devices (DEVICE_SRP_AUTH), AdminResetUserPassword, AdminDisableUser/AdminEnableUser,
 * Delete(User)Attributes, alias uniqueness checks (AliasExistsException), password history;
 * TIMESTAMP skew checks on PASSWORD_VERIFIER; domains and the hosted UI / OAuth endpoints, identity
 * providers, resource servers; real email or SMS delivery; code-attempt limits and account lockout.
 */

import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { awsJsonHandler, operationContext } from '../../protocols/aws-json.js';
import type { ServiceFactory } from '../index.js';
import type { LambdaInvoker } from '../lambda/invoker.js';
import { checkToken, issuerPoolId } from './access-tokens.js';
import { authorizerClaims } from './authorizer-claims.js';
import { codesRoute } from './codes.js';
import type { CognitoContext } from './context.js';
import { KeyCache, prepareSigningKey } from './jwt.js';
import { OPERATIONS } from './operations/index.js';
import { CognitoState } from './state.js';
import type { TokenVerifier, VerifiedToken } from './token-verifier.js';
import { isWellKnownPath, wellKnown } from './well-known.js';

const POOL_ARN = /^arn:aws[\w-]*:cognito-idp:([\w-]+):(\d{12}):userpool\/([\w-]+_[0-9a-zA-Z]+)$/;

export class CognitoService implements Service, TokenVerifier {
  readonly name = 'cognito-idp';
  readonly state: CognitoState;
  private readonly keys = new KeyCache();
  private readonly api: (req: EdgeRequest) => Promise<EdgeResponse>;

  constructor(private readonly ctx: ServiceContext) {
    this.state = new CognitoState(ctx.store);
    prepareSigningKey();
    this.api = awsJsonHandler<CognitoContext>({
      serviceName: 'Cognito user pools',
      contentType: 'application/x-amz-json-1.1',
      operations: OPERATIONS as unknown as Record<string, (input: any, ctx: CognitoContext) => any>,
      context: (req) => ({
        ...operationContext(req),
        state: this.state,
        keys: this.keys,
        issuerBase: ctx.edgeUrl(),
        log: (message) => ctx.log(message),
        lambda: ctx.services.has('lambda') ? ctx.services.get<Service & LambdaInvoker>('lambda') : undefined,
        userAgent: req.headers['x-amz-user-agent'] ?? req.headers['user-agent'] ?? '',
      }),
    });
  }

  async handle(req: EdgeRequest): Promise<EdgeResponse> {
    if ((req.method === 'GET' || req.method === 'HEAD') && isWellKnownPath(req.path)) {
      return wellKnown(this.state, req.path, req.account, this.ctx.edgeUrl());
    }
    return this.api(req);
  }

  /**
   * For API Gateway's COGNITO_USER_POOLS authorizer: the token must be signed by the key of a pool
   * among `userPoolArns`, name that pool as issuer, and not be expired.
   */
  verify(token: string, userPoolArns: string[]): VerifiedToken | undefined {
    const pools = userPoolArns.map((arn) => POOL_ARN.exec(arn)).filter((m): m is RegExpExecArray => m !== null);
    const check = checkToken(
      token,
      (poolId) => {
        const arn = pools.find((m) => m[3] === poolId);
        return arn ? this.state.pool(arn[2]!, arn[1]!, poolId) : undefined;
      },
      this.keys,
    );
    if (!check.valid) return undefined;
    const tokenUse = check.claims.token_use;
    if (tokenUse !== 'id' && tokenUse !== 'access') return undefined;
    return { claims: authorizerClaims(check.claims), tokenUse, userPoolId: issuerPoolId(check.claims)! };
  }

  health(): Record<string, unknown> {
    return { userPools: this.ctx.store.keys('cognito').filter((key) => key.split('/')[3] === 'pools').length };
  }

  async reset(): Promise<void> {
    this.keys.clear();
  }
}

export const cognitoFactory: ServiceFactory = {
  create: (ctx) => new CognitoService(ctx),
  adminRoutes: (service) => ({ 'cognito/codes': codesRoute((service as CognitoService).state) }),
};
