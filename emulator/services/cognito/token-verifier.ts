/** What API Gateway's COGNITO_USER_POOLS authorizer uses to check a token. Implemented by the Cognito service. */
export interface VerifiedToken {
  /** Every claim of the token, as in `$context.authorizer.claims` (values as AWS gives them). */
  claims: Record<string, unknown>;
  tokenUse: 'id' | 'access';
  userPoolId: string;
}

export interface TokenVerifier {
  /**
   * Verifies signature (the pool's RS256 key), issuer, expiry and that the pool is one of
   * `userPoolArns`; undefined when the token is not valid for them.
   */
  verify(token: string, userPoolArns: string[]): VerifiedToken | undefined;
}
