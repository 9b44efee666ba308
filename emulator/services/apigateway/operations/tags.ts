import { BadRequestException } from '../errors.js';
import type { ApiGatewayContext } from './context.js';

/**
 * Tags live on what they tag: `arn:aws:apigateway:REGION::/restapis/ID` on the API,
 * `.../restapis/ID/stages/NAME` on the stage; other ARNs in a tag document of their own.
 */
export function withTags(ctx: ApiGatewayContext, arn: string, change?: (tags: Record<string, string>) => Record<string, string>) {
  const m = /^arn:aws[\w-]*:apigateway:[\w-]*::(\/.*)$/.exec(arn);
  if (!m) throw new BadRequestException(`Invalid ARN specified in the request`);
  const target = /^\/restapis\/([^/]+)(?:\/stages\/([^/]+))?$/.exec(m[1]!);
  if (!target) {
    const tags = ctx.state.tags(arn);
    if (change) ctx.state.saveTags(arn, change(tags));
    return change ? change(tags) : tags;
  }
  const api = ctx.state.api(target[1]!);
  const holder = target[2] ? api.stages[target[2]] : api.api;
  if (!holder) throw new BadRequestException('Invalid stage identifier specified');
  const tags = holder.tags ?? {};
  if (!change) return tags;
  const updated = change(tags);
  if (Object.keys(updated).length) holder.tags = updated;
  else delete holder.tags;
  ctx.state.saveApi(api);
  return updated;
}
