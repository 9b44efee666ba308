import type { CloudFrontContext } from '../context.js';
import { InvalidArgument, NoSuchResource } from '../errors.js';
import type { DistributionRecord } from '../state.js';

/** The distribution a tagging ARN names in the caller's account. */
export function taggedDistribution(ctx: CloudFrontContext, arn: string | undefined): DistributionRecord {
  const m = /^arn:aws[\w-]*:cloudfront::(\d{12}):distribution\/([A-Z0-9]+)$/.exec(arn ?? '');
  if (!m) throw new InvalidArgument(`The parameter Resource is invalid: ${arn ?? ''}`);
  const record = m[1] === ctx.account ? ctx.state.distributions(ctx.account).get(m[2]!) : undefined;
  if (!record) throw new NoSuchResource('The specified resource does not exist.');
  return record;
}
