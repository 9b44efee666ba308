import { Collection, type Store } from '../../core/store.js';

export interface Tag {
  Key: string;
  Value: string;
}

export interface RoleRecord {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  /** As given (IAM answers it URL-encoded). */
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration: number;
  Tags: Tag[];
  /** Inline policies: name → document as given. */
  inlinePolicies: Record<string, string>;
  /** ARNs of attached managed policies, in attachment order. */
  attachedPolicies: string[];
}

export interface PolicyVersionRecord {
  VersionId: string;
  Document: string;
  CreateDate: string;
}

export interface ManagedPolicyRecord {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  Description?: string;
  CreateDate: string;
  UpdateDate: string;
  DefaultVersionId: string;
  versions: PolicyVersionRecord[];
  /** Version numbers are never reused. */
  nextVersion: number;
  Tags: Tag[];
}

export interface UserRecord {
  UserName: string;
  UserId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  Tags: Tag[];
  /** Inline policies: name → document as given (absent on users stored before user policies existed). */
  inlinePolicies?: Record<string, string>;
  /** ARNs of attached managed policies, in attachment order. */
  attachedPolicies?: string[];
}

export interface AccessKeyRecord {
  AccessKeyId: string;
  SecretAccessKey: string;
  /** Absent for the account's root keys. */
  UserName?: string;
  Status: 'Active' | 'Inactive';
  CreateDate: string;
}

/** Temporary credentials issued by STS AssumeRole (and to Lambda functions for their execution role). */
export interface SessionRecord {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** ISO time after which the credentials are refused. */
  Expiration: string;
  RoleArn: string;
  RoleId: string;
  RoleName: string;
  SessionName: string;
  /** arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION */
  AssumedRoleArn: string;
  /** A session policy given to AssumeRole: it narrows what the role's policies allow. */
  Policy?: string;
  /** Assumed with the credentials of another assumed role (sessions then last at most an hour). */
  Chained: boolean;
  CreateDate: string;
}

/** IAM is global: everything lives under the region `global`, whatever region the request was signed for. */
export class IamStorage {
  /** Access key id (long-term or temporary) → account, rebuilt from the store on first use. */
  private keyIndex?: Map<string, string>;

  constructor(private readonly store: Store) {}

  private base = (account: string) => `iam/${account}/global`;

  /** Keyed by lower-cased name: IAM names are unique regardless of case. */
  roles(account: string): Collection<RoleRecord> {
    return new Collection(this.store, `${this.base(account)}/roles`);
  }
  policies(account: string): Collection<ManagedPolicyRecord> {
    return new Collection(this.store, `${this.base(account)}/policies`);
  }
  users(account: string): Collection<UserRecord> {
    return new Collection(this.store, `${this.base(account)}/users`);
  }
  accessKeys(account: string): Collection<AccessKeyRecord> {
    return new Collection(this.store, `${this.base(account)}/access-keys`);
  }
  /** Keyed by the temporary access key id. */
  sessions(account: string): Collection<SessionRecord> {
    return new Collection(this.store, `${this.base(account)}/sessions`);
  }

  private index(): Map<string, string> {
    if (!this.keyIndex) {
      this.keyIndex = new Map();
      for (const key of this.store.keys('iam')) {
        const parts = key.split('/');
        if (parts.length === 5 && (parts[3] === 'access-keys' || parts[3] === 'sessions')) this.keyIndex.set(parts[4]!, parts[1]!);
      }
    }
    return this.keyIndex;
  }

  findAccessKey(accessKeyId: string): { account: string; key: AccessKeyRecord } | undefined {
    const account = this.index().get(accessKeyId);
    const key = account ? this.accessKeys(account).get(accessKeyId) : undefined;
    return account && key ? { account, key } : undefined;
  }

  saveAccessKey(account: string, key: AccessKeyRecord): void {
    this.accessKeys(account).put(key.AccessKeyId, key);
    this.index().set(key.AccessKeyId, account);
  }

  deleteAccessKey(account: string, accessKeyId: string): void {
    this.accessKeys(account).delete(accessKeyId);
    this.index().delete(accessKeyId);
  }

  findSession(accessKeyId: string): { account: string; session: SessionRecord } | undefined {
    const account = this.index().get(accessKeyId);
    const session = account ? this.sessions(account).get(accessKeyId) : undefined;
    return account && session ? { account, session } : undefined;
  }

  saveSession(account: string, session: SessionRecord): void {
    this.sessions(account).put(session.AccessKeyId, session);
    this.index().set(session.AccessKeyId, account);
  }

  /** Forgets the sessions of `account` that expired before `before` (epoch ms). */
  dropExpiredSessions(account: string, before: number): void {
    const sessions = this.sessions(account);
    for (const session of sessions.list()) {
      if (Date.parse(session.Expiration) < before) {
        sessions.delete(session.AccessKeyId);
        this.index().delete(session.AccessKeyId);
      }
    }
  }

  forget(): void {
    this.keyIndex = undefined;
  }
}
