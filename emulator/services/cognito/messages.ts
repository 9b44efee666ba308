import type { Delivery } from './codes.js';
import type { CognitoContext } from './context.js';
import type { OutboxEntry, PoolScope, UserRecord } from './state.js';
import { runTrigger, triggerAttributes } from './triggers.js';

export const CODE_PARAMETER = '{####}';
export const USERNAME_PARAMETER = '{username}';

/** Which CustomMessage trigger source a message is sent under. */
export type MessagePurpose = 'SignUp' | 'ResendCode' | 'ForgotPassword' | 'AdminCreateUser' | 'UpdateUserAttribute' | 'VerifyUserAttribute';

export interface ComposedMessage {
  message: string;
  subject?: string;
}

const DEFAULT_VERIFICATION = 'Your verification code is {####}. ';
const DEFAULT_INVITATION = 'Your username is {username} and temporary password is {####}. ';

/** The pool's template for a message, or Cognito's default text. */
function template(scope: PoolScope, purpose: MessagePurpose, medium: Delivery['medium']): ComposedMessage {
  const pool = scope.pool;
  if (purpose === 'AdminCreateUser') {
    const invite = pool.AdminCreateUserConfig?.InviteMessageTemplate;
    return medium === 'SMS'
      ? { message: invite?.SMSMessage ?? DEFAULT_INVITATION }
      : { message: invite?.EmailMessage ?? DEFAULT_INVITATION, subject: invite?.EmailSubject ?? 'Your temporary password' };
  }
  const verification = pool.VerificationMessageTemplate;
  return medium === 'SMS'
    ? { message: verification?.SmsMessage ?? pool.SmsVerificationMessage ?? DEFAULT_VERIFICATION }
    : {
        message: verification?.EmailMessage ?? pool.EmailVerificationMessage ?? DEFAULT_VERIFICATION,
        subject: verification?.EmailSubject ?? pool.EmailVerificationSubject ?? 'Your verification code',
      };
}

/**
 * The text of a message carrying a code: the pool's template, or what the CustomMessage trigger
 * returns when it keeps the code parameter in it (and, for invitations, the username parameter).
 */
export async function composeMessage(
  ctx: CognitoContext,
  scope: PoolScope,
  user: UserRecord,
  delivery: Delivery,
  purpose: MessagePurpose,
  code: string,
  caller: { clientId: string; clientMetadata?: Record<string, string> },
): Promise<ComposedMessage> {
  let composed = template(scope, purpose, delivery.medium);
  const custom = await runTrigger(ctx, scope, 'CustomMessage', {
    triggerSource: `CustomMessage_${purpose}`,
    userName: user.Username,
    clientId: caller.clientId,
    request: {
      userAttributes: triggerAttributes(user),
      codeParameter: CODE_PARAMETER,
      linkParameter: '{##Click Here##}',
      usernameParameter: purpose === 'AdminCreateUser' ? USERNAME_PARAMETER : null,
      clientMetadata: caller.clientMetadata,
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  });
  if (custom) {
    const body = delivery.medium === 'SMS' ? custom.smsMessage : custom.emailMessage;
    const usable =
      typeof body === 'string' && body.includes(CODE_PARAMETER) && (purpose !== 'AdminCreateUser' || body.includes(USERNAME_PARAMETER));
    if (usable) composed = { message: body, subject: composed.subject };
    else if (body !== null && body !== undefined) {
      ctx.log(`[cognito] CustomMessage answer ignored: the message must contain ${CODE_PARAMETER}`);
    }
    if (delivery.medium === 'EMAIL' && typeof custom.emailSubject === 'string' && custom.emailSubject !== '') {
      composed = { ...composed, subject: custom.emailSubject };
    }
  }
  const fill = (text: string) => text.split(CODE_PARAMETER).join(code).split(USERNAME_PARAMETER).join(user.Username);
  return { message: fill(composed.message), ...(composed.subject === undefined ? {} : { subject: fill(composed.subject) }) };
}

export const OUTBOX_KIND: Record<MessagePurpose, OutboxEntry['kind']> = {
  SignUp: 'SIGN_UP',
  ResendCode: 'RESEND',
  ForgotPassword: 'FORGOT_PASSWORD',
  AdminCreateUser: 'ADMIN_CREATE_USER',
  UpdateUserAttribute: 'VERIFY_ATTRIBUTE',
  VerifyUserAttribute: 'VERIFY_ATTRIBUTE',
};
