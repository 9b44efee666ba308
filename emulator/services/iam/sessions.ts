import { randomBytes } from 'node:crypto';
import { randomAlphanumeric, randomUpperId } from '../../core/ids.js';
import type { IamStorage, RoleRecord, SessionRecord } from './storage.js';

export interface SessionRequest {
  account: string;
  role: Pick<RoleRecord, 'Arn' | 'RoleId' | 'RoleName'>;
  sessionName: string;
  durationSeconds: number;
  policy?: string;
  chained?: boolean;
}

export const assumedRoleArn = (account: string, roleName: string, sessionName: string) =>
  `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;

/** Temporary credentials for a role session: ASIA + 16, a 40-character secret, a session token. */
/** Expired sessions are kept a week, so their keys keep being recognised (and refused as expired) rather than unknown. */
const EXPIRED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export function issueSession(storage: IamStorage, request: SessionRequest, now = Date.now()): SessionRecord {
  storage.dropExpiredSessions(request.account, now - EXPIRED_KEPT_MS);
  const session: SessionRecord = {
    AccessKeyId: `ASIA${randomUpperId(16)}`,
    SecretAccessKey: randomAlphanumeric(40),
    SessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(270).toString('base64')}`,
    Expiration: new Date(now + request.durationSeconds * 1000).toISOString(),
    RoleArn: request.role.Arn,
    RoleId: request.role.RoleId,
    RoleName: request.role.RoleName,
    SessionName: request.sessionName,
    AssumedRoleArn: assumedRoleArn(request.account, request.role.RoleName, request.sessionName),
    ...(request.policy !== undefined ? { Policy: request.policy } : {}),
    Chained: request.chained ?? false,
    CreateDate: new Date(now).toISOString(),
  };
  storage.saveSession(request.account, session);
  return session;
}
