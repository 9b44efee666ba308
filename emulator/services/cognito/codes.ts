import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { type EdgeRequest, type EdgeResponse, json } from '../../core/http.js';
import { randomDigits } from '../../core/ids.js';
import { maskDestination } from './attributes.js';
import type { CognitoContext } from './context.js';
import { composeMessage, type MessagePurpose, OUTBOX_KIND } from './messages.js';
import { attribute, type CognitoState, type PendingCode, type PoolScope, type UserRecord } from './state.js';

export const CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface Delivery {
  attribute: 'email' | 'phone_number';
  medium: 'EMAIL' | 'SMS';
  address: string;
}

/**
 * Where a verification code for this user goes: the attributes the pool verifies automatically
 * (a phone number first, as Cognito does when both are set); undefined when there is none.
 */
export function deliveryFor(scope: PoolScope, user: UserRecord): Delivery | undefined {
  const auto = scope.pool.AutoVerifiedAttributes ?? [];
  const phone = attribute(user, 'phone_number');
  if (auto.includes('phone_number') && phone) return { attribute: 'phone_number', medium: 'SMS', address: phone };
  const email = attribute(user, 'email');
  if (auto.includes('email') && email) return { attribute: 'email', medium: 'EMAIL', address: email };
  return undefined;
}

export function deliveryDetails(delivery: Delivery): CodeDeliveryDetailsType {
  return {
    Destination: maskDestination(delivery.address, delivery.medium),
    DeliveryMedium: delivery.medium,
    AttributeName: delivery.attribute,
  };
}

/**
 * "Sends" a message with a code (a new 6-digit one unless given): nothing leaves the machine; the
 * code and the message (after the CustomMessage trigger) go to the outbox (state, read through
 * GET /_emulator/cognito/codes) and to the console.
 */
export async function sendCode(
  ctx: CognitoContext,
  scope: PoolScope,
  user: UserRecord,
  delivery: Delivery,
  purpose: MessagePurpose,
  caller: { clientId: string; clientMetadata?: Record<string, string>; code?: string },
): Promise<PendingCode> {
  const code = caller.code ?? randomDigits(6);
  const composed = await composeMessage(ctx, scope, user, delivery, purpose, code, caller);
  const kind = OUTBOX_KIND[purpose];
  ctx.state.addToOutbox(scope.account, scope.region, {
    userPoolId: scope.id,
    username: user.Username,
    destination: delivery.address,
    code,
    kind,
    createdAt: new Date().toISOString(),
    message: composed.message,
    ...(composed.subject === undefined ? {} : { subject: composed.subject }),
  });
  ctx.log(`[cognito] code for ${user.Username} (${delivery.address}) in ${scope.id}: ${code} (${kind})`);
  return { code, expiresAt: Date.now() + CODE_LIFETIME_MS, attribute: delivery.attribute };
}

/** GET /_emulator/cognito/codes[?username=&userPoolId=]: the codes sent, newest last. */
export function codesRoute(state: CognitoState) {
  return (req: EdgeRequest): EdgeResponse => {
    const username = req.query.get('username');
    const userPoolId = req.query.get('userPoolId');
    const entries = state
      .outbox()
      .filter((e) => (username === null || e.username === username) && (userPoolId === null || e.userPoolId === userPoolId));
    return json(200, entries);
  };
}
