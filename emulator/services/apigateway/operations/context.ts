import type { ServiceRegistry } from '../../../core/service.js';
import type { OperationContext } from '../../../protocols/aws-json.js';
import type { Out } from '../model.js';
import type { ApiGatewayState, ApiLocator } from '../state.js';

export interface ApiGatewayContext extends OperationContext {
  state: ApiGatewayState;
  locator: ApiLocator;
  /** Sibling services, for TestInvokeMethod's integration calls. */
  services: ServiceRegistry;
  log: (message: string) => void;
}

/** An API Gateway operation: the SDK's input in, the SDK's output (as serialised) out. */
export type ApiOp<I, O> = (input: I, ctx: ApiGatewayContext) => Out<O> | Promise<Out<O>>;

/** For operations whose success answer has no body. */
export type NoOutput = Record<string, never>;
