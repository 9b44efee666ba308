import type { Store } from '../../core/store.js';
import { issueSession } from './sessions.js';
import type { IamStorage } from './storage.js';

/** Credentials as a Lambda execution environment receives them. */
export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** Lambda sessions last as long as the longest role session AWS allows; reissued once half of that has passed. */
const SESSION_SECONDS = 12 * 60 * 60;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

/** The last session issued per storage, role and session name (checked against the store before reuse). */
const LAST_SESSION = new WeakMap<IamStorage, Map<string, string>>();

/** A running session of `roleArn` named `sessionName` with more than half its life left, or a new one. */
export function roleCredentials(
  storage: IamStorage,
  account: string,
  roleArn: string,
  sessionName: string,
  now = Date.now(),
): RoleCredentials {
  const m = ROLE_ARN.exec(roleArn);
  const roleAccount = m?.[1] ?? account;
  const name = sessionName.slice(0, 64);
  let issued = LAST_SESSION.get(storage);
  if (!issued) LAST_SESSION.set(storage, (issued = new Map()));
  const cacheKey = `${roleArn}\n${name}`;
  const previous = issued.get(cacheKey);
  const found = previous ? storage.findSession(previous)?.session : undefined;
  let session = found && Date.parse(found.Expiration) - now > (SESSION_SECONDS * 1000) / 2 ? found : undefined;
  if (!session) {
    const role = m ? storage.roles(roleAccount).get(m[2]!.toLowerCase()) : undefined;
    session = issueSession(
      storage,
      {
        account: roleAccount,
        // A role that does not exist (any more) gets a session without policies: every call is refused, as on AWS.
        role: role ?? { Arn: roleArn, RoleId: 'AROA00000000000000000', RoleName: m?.[2] ?? roleArn },
        sessionName: name,
        durationSeconds: SESSION_SECONDS,
      },
      now,
    );
    issued.set(cacheKey, session.AccessKeyId);
  }
  return { accessKeyId: session.AccessKeyId, secretAccessKey: session.SecretAccessKey, sessionToken: session.SessionToken };
}

/** The IAM service of each local cloud, by its store: the Lambda executor reaches it from the store it is given. */
const IAM_BY_STORE = new WeakMap<
  Store,
  { credentialsForRole(account: string, roleArn: string, sessionName: string): RoleCredentials | undefined }
>();

export function registerIam(
  store: Store,
  iam: { credentialsForRole(account: string, roleArn: string, sessionName: string): RoleCredentials | undefined },
): void {
  IAM_BY_STORE.set(store, iam);
}

/**
 * Temporary credentials of `roleArn` for a Lambda function named `sessionName`, when the local
 * cloud of `store` enforces IAM (EMULATOR_ENFORCE_IAM=1); undefined otherwise, and the function
 * keeps the default credentials.
 */
export function credentialsForRole(store: Store, account: string, roleArn: string, sessionName: string): RoleCredentials | undefined {
  return IAM_BY_STORE.get(store)?.credentialsForRole(account, roleArn, sessionName);
}
