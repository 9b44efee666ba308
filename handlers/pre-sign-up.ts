/**
 * Chat-PreSignUp: the user pool's PreSignUp trigger. It holds sign-ups to the rules of the sign-up
 * form, so a client that skips the form gets the same answer: usernames of 1 to 20 letters, digits,
 * '.', '_' or '-', and an email address of at most 120 characters. A thrown error reaches the
 * client as UserLambdaValidationException "PreSignUp failed with error <message>.".
 */

export const USERNAME_RULE = /^[A-Za-z0-9._-]{1,20}$/;
export const EMAIL_MAX = 120;

/** The parts of Cognito's PreSignUp event this trigger reads; the event goes back otherwise unchanged. */
export interface PreSignUpEvent {
  triggerSource: string;
  userName: string;
  request: { userAttributes: Record<string, string | undefined> };
  response: Record<string, unknown>;
}

/** Why a sign-up breaks the rules, in words for the person signing up; undefined when it keeps them. */
export function signUpProblem(username: string, email: string | undefined): string | undefined {
  if (!USERNAME_RULE.test(username)) return "Usernames have 1 to 20 characters: letters, digits, '.', '_' or '-'";
  if (email !== undefined && email.length > EMAIL_MAX) return `The email address can have at most ${EMAIL_MAX} characters`;
  return undefined;
}

export async function handler(event: PreSignUpEvent): Promise<PreSignUpEvent> {
  const problem = signUpProblem(event.userName, event.request?.userAttributes?.email);
  if (problem) throw new Error(problem);
  return event;
}
