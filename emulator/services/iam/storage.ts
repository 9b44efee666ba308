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
}

export interface AccessKeyRecord {
  AccessKeyId: string;
  SecretAccessKey: string;
  /** Absent for the account's root keys. */
  UserName?: string;
  Status: 'Active' | 'Inactive';
  CreateDate: string;
}

/** IAM is global: everything lives under the region `global`, whatever region the request was signed for. */
export class IamStorage {
  /** Access key id → account, rebuilt from the store on first use. */
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

  private index(): Map<string, string> {
    if (!this.keyIndex) {
      this.keyIndex = new Map();
      for (const key of this.store.keys('iam')) {
        const parts = key.split('/');
        if (parts.length === 5 && parts[3] === 'access-keys') this.keyIndex.set(parts[4]!, parts[1]!);
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

  forget(): void {
    this.keyIndex = undefined;
  }
}
