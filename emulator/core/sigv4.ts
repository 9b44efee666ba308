/** What a SigV4-signed request says about its caller (header or presigned query form). */
export interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const HEADER_CREDENTIAL = /Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

export function parseCredential(headers: Record<string, string>, query: URLSearchParams): Credential | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('AWS4-HMAC-SHA256')) {
    const m = HEADER_CREDENTIAL.exec(auth);
    if (m) return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]! };
  }
  const presigned = query.get('X-Amz-Credential');
  if (presigned) {
    const [accessKeyId, date, region, service] = presigned.split('/');
    if (accessKeyId && date && region && service) return { accessKeyId, date, region, service };
  }
  return undefined;
}

/** An access key id of exactly 12 digits selects that account, as in LocalStack. */
export function accountFor(accessKeyId: string | undefined, defaultAccount: string): string {
  return accessKeyId && /^\d{12}$/.test(accessKeyId) ? accessKeyId : defaultAccount;
}
