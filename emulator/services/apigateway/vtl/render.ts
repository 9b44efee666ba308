import { Compile, parse } from 'velocityjs';
import { JAVA_METHODS } from './java-methods.js';

/** A template that does not parse or fails while rendering (API Gateway: "Unable to transform request/response"). */
export class TemplateError extends Error {}

export interface TemplateVariables {
  input: unknown;
  util: unknown;
  context: unknown;
  stageVariables: Record<string, string>;
}

/** Velocity as API Gateway configures it: a reference to null or to nothing renders as nothing. */
class ApiGatewayTemplate extends Compile {
  protected override getReferences(ast: any, isVal?: boolean): string {
    const value = super.getReferences(ast, isVal);
    return isVal && value === null ? '' : value;
  }
}

const parsed = new Map<string, ReturnType<typeof parse>>();
const CACHE_SIZE = 256;

function compiled(template: string): ReturnType<typeof parse> {
  let asts = parsed.get(template);
  if (asts) return asts;
  try {
    asts = parse(template);
  } catch (err) {
    throw new TemplateError(`Invalid mapping template: ${(err as Error).message.split('\n')[0]}`);
  }
  if (parsed.size >= CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  parsed.set(template, asts);
  return asts;
}

/**
 * Renders an API Gateway mapping template. As in API Gateway, a reference to something absent
 * renders as nothing (not as its own text).
 */
export function renderTemplate(template: string, variables: TemplateVariables): string {
  const asts = compiled(template);
  try {
    return new ApiGatewayTemplate(asts, { escape: false, customMethodHandlers: JAVA_METHODS }).render({ ...variables }, undefined, true);
  } catch (err) {
    if (err instanceof TemplateError) throw err;
    throw new TemplateError((err as Error).message);
  }
}
