import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PasswordVerifierChallenge, passwordClaim, srpTimestamp, startSrp } from '../../../client/src/srp.js';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, decodePayload, failure, PASSWORD, signUpConfirmed } from './test-support.js';

/** The browser client's SRP module (WebCrypto and BigInt) against the local Cognito. */
describe("the browser client's USER_SRP_AUTH", () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  let ids: { poolId: string; clientId: string };
  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
    ids = await createChatPool(cognito);
    await signUpConfirmed(cloud, cognito, ids, 'alice');
  });
  afterAll(async () => cloud.close());

  async function logIn(username: string, password: string) {
    const start = startSrp();
    const initiated = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: ids.clientId,
        AuthParameters: { USERNAME: username, SRP_A: start.srpA },
      }),
    );
    const params = initiated.ChallengeParameters as unknown as PasswordVerifierChallenge;
    const claim = await passwordClaim(ids.poolId, password, start, params);
    return cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: ids.clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: { USERNAME: params.USER_ID_FOR_SRP, ...claim },
      }),
    );
  }

  it('signs in with the right password and is refused with a wrong one', async () => {
    const ok = await logIn('alice', PASSWORD);
    expect(decodePayload(ok.AuthenticationResult!.IdToken!)['cognito:username']).toBe('alice');
    expect(await failure(logIn('alice', 'Wrong-passw0rd'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
  });

  it('writes the timestamp as Java does, the day of the month unpadded', () => {
    expect(srpTimestamp(new Date(Date.UTC(2026, 10, 5, 7, 3, 9)))).toBe('Thu Nov 5 07:03:09 UTC 2026');
    expect(srpTimestamp(new Date(Date.UTC(2026, 11, 25, 17, 0, 0)))).toBe('Fri Dec 25 17:00:00 UTC 2026');
  });
});
