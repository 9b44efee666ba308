import type { RevokeTokenCommandInput, RevokeTokenCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requireClient } from '../context.js';
import { UnauthorizedException, UnsupportedOperationException, UnsupportedTokenTypeException } from '../errors.js';
import { refreshTokenHash } from '../tokens.js';
import { Constraints, checkClientId } from '../validate.js';
import type { Out } from '../wire.js';

/**
 * Revokes a refresh token and the access tokens issued with it (same `origin_jti`). A token this
 * pool never issued is accepted silently, as OAuth revocation does (RFC 7009).
 */
export function RevokeToken(input: RevokeTokenCommandInput, ctx: CognitoContext): Out<RevokeTokenCommandOutput> {
  const checks = new Constraints();
  checks.string(input.Token, 'token', { required: true, pattern: /^[A-Za-z0-9-_=.]+$/, patternText: '[A-Za-z0-9-_=.]+', sensitive: true });
  checkClientId(checks, input.ClientId);
  checks.string(input.ClientSecret, 'clientSecret', { min: 1, max: 64, pattern: /^[\w+]+$/, patternText: '[\\w+]+', sensitive: true });
  checks.check();
  const { scope, client } = requireClient(ctx, input.ClientId!);
  if (client.ClientSecret && input.ClientSecret !== client.ClientSecret) throw new UnauthorizedException('Client authentication failed.');
  if (client.EnableTokenRevocation === false) throw new UnsupportedOperationException('Token revocation is not enabled for this client.');
  if (input.Token!.split('.').length === 3) throw new UnsupportedTokenTypeException('Unsupported token type.');
  const hash = refreshTokenHash(input.Token!);
  const record = scope.refreshToken(hash);
  if (!record) return {};
  if (record.clientId !== client.ClientId) throw new UnauthorizedException('Client is not authorized to revoke this token.');
  if (!record.revoked) {
    scope.putRefreshToken(hash, { ...record, revoked: true });
    scope.revokeSession(record.originJti, record.expiresAt);
  }
  return {};
}
