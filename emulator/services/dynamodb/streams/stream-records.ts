import { randomBytes } from 'node:crypto';
import { dynaliteDb, type Item, type KeySchemaElement } from '../dynalite.js';
import type { StreamViewType } from '../table-settings.js';
import type { ItemChange } from '../write-buffer.js';

/** Who made a change, when it was not a caller: TTL deletions name the service. */
export interface StreamIdentity {
  PrincipalId: string;
  Type: string;
}

export const TTL_IDENTITY: StreamIdentity = { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' };

/** A record as GetRecords returns it (the DynamoDB Streams wire shape). */
export interface StreamRecordData {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    /** Epoch seconds. */
    ApproximateCreationDateTime: number;
    Keys: Item;
    NewImage?: Item;
    OldImage?: Item;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: StreamViewType;
  };
  userIdentity?: StreamIdentity;
}

/** Builds the record of one change as the stream's view type shows it; undefined when nothing changed. */
export function streamRecord(
  change: ItemChange,
  keySchema: KeySchemaElement[],
  viewType: StreamViewType,
  region: string,
  sequenceNumber: string,
  now: number,
  identity?: StreamIdentity,
): StreamRecordData | undefined {
  const { oldImage, newImage } = change;
  if (!oldImage && !newImage) return undefined;
  if (oldImage && newImage && sameValue({ M: oldImage }, { M: newImage })) return undefined;
  const source = (newImage ?? oldImage)!;
  const keys: Item = {};
  for (const { AttributeName } of keySchema) if (source[AttributeName]) keys[AttributeName] = source[AttributeName];
  const withNew = (viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES') && newImage;
  const withOld = (viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES') && oldImage;
  const size =
    dynaliteDb().itemSize(keys) + (withNew ? dynaliteDb().itemSize(newImage) : 0) + (withOld ? dynaliteDb().itemSize(oldImage) : 0);
  return {
    eventID: randomBytes(16).toString('hex'),
    eventName: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(now / 1000),
      Keys: keys,
      ...(withNew ? { NewImage: newImage } : {}),
      ...(withOld ? { OldImage: oldImage } : {}),
      SequenceNumber: sequenceNumber,
      SizeBytes: size,
      StreamViewType: viewType,
    },
    ...(identity ? { userIdentity: identity } : {}),
  };
}

/** Attribute values compared as DynamoDB does: maps by member, sets without regard to order. */
export function sameValue(a: Record<string, any>, b: Record<string, any>): boolean {
  const type = Object.keys(a)[0];
  if (!type || type !== Object.keys(b)[0]) return false;
  const x = a[type];
  const y = b[type];
  switch (type) {
    case 'M': {
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length) return false;
      return keys.every((k) => y[k] !== undefined && sameValue(x[k], y[k]));
    }
    case 'L':
      return x.length === y.length && x.every((v: Record<string, any>, i: number) => sameValue(v, y[i]));
    case 'SS':
    case 'NS':
    case 'BS': {
      if (x.length !== y.length) return false;
      const canonical = type === 'NS' ? canonicalNumber : (v: string) => v;
      const set = new Set<string>(y.map(canonical));
      return x.every((v: string) => set.has(canonical(v)));
    }
    case 'N':
      return x === y || canonicalNumber(x) === canonicalNumber(y);
    default:
      return x === y;
  }
}

/** A number's digits and exponent without insignificant zeros, so "1.50" and "15e-1" compare equal. */
function canonicalNumber(n: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(n.trim());
  if (!m) return n;
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let exponent = (m[2] ?? '').length + Number(m[4] ?? 0);
  const leading = /^0*/.exec(digits)![0].length;
  digits = digits.slice(leading).replace(/0+$/, '');
  exponent -= leading;
  return digits ? `${m[1] === '-' ? '-' : ''}${digits}e${exponent}` : '0';
}
