import { InvalidParameterValueException, ValidationException, validationMessage } from './errors.js';

/** The runtimes the local executor runs (on the local Node, whatever version the runtime names). */
export const SUPPORTED_RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x'];

const OTHER_RUNTIMES = [
  'nodejs24.x',
  'python3.9',
  'python3.10',
  'python3.11',
  'python3.12',
  'python3.13',
  'python3.14',
  'java8.al2',
  'java11',
  'java17',
  'java21',
  'java25',
  'dotnet8',
  'dotnet10',
  'ruby3.2',
  'ruby3.3',
  'ruby3.4',
  'provided.al2',
  'provided.al2023',
];

/** Runtimes AWS no longer accepts, with the upgrade AWS recommends. */
const DEPRECATED_RUNTIMES: Record<string, string> = {
  nodejs: 'nodejs22.x',
  'nodejs4.3': 'nodejs22.x',
  'nodejs4.3-edge': 'nodejs22.x',
  'nodejs6.10': 'nodejs22.x',
  'nodejs8.10': 'nodejs22.x',
  'nodejs10.x': 'nodejs22.x',
  'nodejs12.x': 'nodejs22.x',
  'nodejs14.x': 'nodejs22.x',
  'nodejs16.x': 'nodejs22.x',
  'python2.7': 'python3.13',
  'python3.6': 'python3.13',
  'python3.7': 'python3.13',
  'python3.8': 'python3.13',
  java8: 'java21',
  'dotnetcore1.0': 'dotnet8',
  'dotnetcore2.0': 'dotnet8',
  'dotnetcore2.1': 'dotnet8',
  'dotnetcore3.1': 'dotnet8',
  dotnet6: 'dotnet8',
  dotnet7: 'dotnet8',
  'ruby2.5': 'ruby3.4',
  'ruby2.7': 'ruby3.4',
  'go1.x': 'provided.al2023',
  provided: 'provided.al2023',
};

export function validateRuntime(runtime: unknown): string {
  if (typeof runtime === 'string' && SUPPORTED_RUNTIMES.includes(runtime)) return runtime;
  if (typeof runtime === 'string' && DEPRECATED_RUNTIMES[runtime]) {
    throw new InvalidParameterValueException(
      `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (${DEPRECATED_RUNTIMES[runtime]}) while creating or updating functions.`,
    );
  }
  if (typeof runtime === 'string' && OTHER_RUNTIMES.includes(runtime)) {
    throw new InvalidParameterValueException(
      `The local cloud runs Node.js functions only: runtime ${runtime} is not supported. Use one of ${SUPPORTED_RUNTIMES.join(', ')}.`,
    );
  }
  throw new InvalidParameterValueException(
    `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${[...SUPPORTED_RUNTIMES, ...OTHER_RUNTIMES].join(', ')}] or be a valid ARN`,
  );
}

const ROLE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

export function validateRole(role: unknown): string {
  if (typeof role !== 'string' || !ROLE.test(role)) {
    throw new ValidationException(
      validationMessage(
        'role',
        role,
        'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+',
      ),
    );
  }
  return role;
}

export function validateHandler(handler: unknown): string {
  if (handler === undefined || handler === null || handler === '') {
    throw new InvalidParameterValueException(
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    );
  }
  if (typeof handler !== 'string' || !/^[^\s]+$/.test(handler)) {
    throw new ValidationException(validationMessage('handler', handler, 'Member must satisfy regular expression pattern: [^\\s]+'));
  }
  if (handler.length > 128)
    throw new ValidationException(validationMessage('handler', handler, 'Member must have length less than or equal to 128'));
  return handler;
}

export function validateRange(member: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValidationException(validationMessage(member, value, 'Member must be an integer'));
  }
  if (value < min)
    throw new ValidationException(validationMessage(member, String(value), `Member must have value greater than or equal to ${min}`));
  if (value > max)
    throw new ValidationException(validationMessage(member, String(value), `Member must have value less than or equal to ${max}`));
  return value;
}

export const validateTimeout = (value: unknown) => validateRange('timeout', value, 1, 900);
export const validateMemorySize = (value: unknown) => validateRange('memorySize', value, 128, 10240);

export function validateDescription(value: unknown): string {
  if (typeof value !== 'string') throw new ValidationException(validationMessage('description', value, 'Member must be a string'));
  if (value.length > 256)
    throw new ValidationException(validationMessage('description', value, 'Member must have length less than or equal to 256'));
  return value;
}

const RESERVED_VARIABLES = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

const VARIABLE_NAME = /^[a-zA-Z]([a-zA-Z0-9_])+$/;

export function validateEnvironment(environment: unknown): Record<string, string> | undefined {
  if (environment === undefined || environment === null) return undefined;
  const variables = (environment as { Variables?: unknown }).Variables;
  if (variables === undefined || variables === null) return {};
  if (typeof variables !== 'object' || Array.isArray(variables)) {
    throw new ValidationException(validationMessage('environment.variables', variables, 'Member must be a map'));
  }
  const entries = Object.entries(variables as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (!VARIABLE_NAME.test(key)) {
      throw new ValidationException(
        `1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]`,
      );
    }
    if (typeof value !== 'string') {
      throw new ValidationException(
        `1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map values must satisfy constraint: [Member must not be null]`,
      );
    }
  }
  const reserved = entries.map(([key]) => key).filter((key) => RESERVED_VARIABLES.has(key));
  if (reserved.length) {
    throw new InvalidParameterValueException(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  const measured = JSON.stringify(variables);
  if (Buffer.byteLength(measured) > 4096) {
    throw new InvalidParameterValueException(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`,
    );
  }
  return variables as Record<string, string>;
}

export function validateArchitectures(value: unknown): string[] {
  if (value === undefined || value === null) return ['x86_64'];
  if (!Array.isArray(value) || value.length !== 1 || (value[0] !== 'x86_64' && value[0] !== 'arm64')) {
    throw new ValidationException(
      validationMessage(
        'architectures',
        Array.isArray(value) ? `[${value.join(', ')}]` : value,
        'Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]',
      ),
    );
  }
  return value as string[];
}

/** What the local executor cannot honour is refused, never silently ignored. */
export function refuseUnsupported(input: {
  PackageType?: string;
  Layers?: string[];
  VpcConfig?: unknown;
  FileSystemConfigs?: unknown[];
}): void {
  if (input.PackageType === 'Image') {
    throw new InvalidParameterValueException('The local cloud runs zip-packaged functions only: PackageType Image is not supported yet.');
  }
  if (input.Layers?.length) throw new InvalidParameterValueException(`Layer version ${input.Layers[0]} does not exist.`);
  if (input.FileSystemConfigs?.length) {
    throw new InvalidParameterValueException('The local cloud does not mount file systems into functions (FileSystemConfigs) yet.');
  }
}
