import type { EdgeRequest } from '../../../core/http.js';
import type { Service } from '../../../core/service.js';
import type { S3Service } from '../../s3/index.js';
import type { S3OperationName } from '../../s3/operations/index.js';
import { BINDINGS } from '../../s3/rest/bindings.js';
import { routeRequest } from '../../s3/rest/route.js';
import { parseDelete } from '../../s3/rest/xml-inputs.js';
import type { PolicyDocument } from '../policy-evaluator.js';
import type { AccessMapper, MapperDeps, RequestedAccess } from './access.js';

const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/** The source of a CopyObject: `bucket/key` (URL-encoded, optionally with a leading slash and `?versionId=`). */
function copySource(req: EdgeRequest): { bucket: string; key: string } | undefined {
  const header = req.headers['x-amz-copy-source'];
  if (!header) return undefined;
  let text = header.split('?')[0]!.replace(/^\//, '');
  try {
    text = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  const slash = text.indexOf('/');
  return slash > 0 ? { bucket: text.slice(0, slash), key: text.slice(slash + 1) } : undefined;
}

function withBucketPolicy(deps: MapperDeps, bucketName: string, access: RequestedAccess): RequestedAccess {
  const s3 = deps.services.has('s3') ? deps.services.get<Service & S3Service>('s3') : undefined;
  const bucket = s3?.storage.findBucket(bucketName);
  if (!bucket) return access;
  return {
    ...access,
    resourceAccount: bucket.account,
    ...(bucket.policy ? { resourcePolicy: JSON.parse(bucket.policy) as PolicyDocument } : {}),
  };
}

/** S3: the action of each operation (as its binding names it) on the bucket or object, with the bucket's policy as resource policy. */
export const s3Access: AccessMapper = (req, deps) => {
  let route: ReturnType<typeof routeRequest>;
  try {
    route = routeRequest(req);
  } catch {
    return undefined;
  }
  if (route.operation === 'ListBuckets') return [{ action: 's3:ListAllMyBuckets', resource: '*' }];
  if (route.operation === 'CreateBucket') return [{ action: 's3:CreateBucket', resource: `arn:aws:s3:::${route.bucket}` }];
  const binding = Object.hasOwn(BINDINGS, route.operation) ? BINDINGS[route.operation as S3OperationName] : undefined;
  if (!binding || !route.bucket) return undefined;
  const bucket = route.bucket;
  const needed: RequestedAccess[] = [];
  if (binding.access === 'self') {
    if (route.operation !== 'DeleteObjects') return undefined;
    let keys: string[];
    try {
      keys = (parseDelete(req.body.toString('utf8')).Objects ?? []).map((o) => o.Key ?? '');
    } catch {
      return undefined;
    }
    for (const key of keys) needed.push({ action: 's3:DeleteObject', resource: objectArn(bucket, key) });
  } else if (binding.access === 'signed') {
    return undefined;
  } else {
    const resource = binding.access.on === 'object' ? objectArn(bucket, route.key ?? '') : `arn:aws:s3:::${bucket}`;
    needed.push({ action: binding.access.action, resource });
  }
  const source = route.operation === 'CopyObject' ? copySource(req) : undefined;
  const withPolicies = needed.map((access) => withBucketPolicy(deps, bucket, access));
  if (source)
    withPolicies.unshift(withBucketPolicy(deps, source.bucket, { action: 's3:GetObject', resource: objectArn(source.bucket, source.key) }));
  return withPolicies;
};
