import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../provision/cli-args.js';
import { explain } from '../../provision/explain.js';
import { clientsFor, functionEnvironment, publicEndpointOf } from '../../provision/target.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function usageError(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseCommandLine(argv, env);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('command line', () => {
  it('defaults to provisioning into the local cloud on port 4566', () => {
    expect(parseCommandLine([], {})).toEqual({
      command: 'provision',
      target: { name: 'local', region: '', endpoint: 'http://localhost:4566' },
      dryRun: false,
      verbose: false,
    });
  });

  it('takes AWS with a profile and a region, and no endpoint', () => {
    const line = parseCommandLine(['teardown', '--target', 'aws', '--region', 'eu-west-1', '--profile', 'work'], {
      AWS_ENDPOINT_URL: 'http://localhost:4566',
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://localhost:4566',
    });
    expect(line).toEqual({
      command: 'teardown',
      target: { name: 'aws', region: 'eu-west-1', endpoint: undefined, profile: 'work' },
      dryRun: false,
      verbose: false,
    });
  });

  it('routes single services of an AWS-compatible endpoint with AWS_ENDPOINT_URL_<SERVICE>', () => {
    const line = parseCommandLine(['--target', 'localstack', '--endpoint', 'http://localstack:4576/', '--public-host', 'localhost'], {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://chat:4566',
    });
    if (line === 'help') throw new Error('help');
    expect(line.target).toEqual({
      name: 'localstack',
      region: '',
      endpoint: 'http://localstack:4576',
      serviceEndpoints: { cognito: 'http://chat:4566' },
      publicHost: 'localhost',
    });
    const target = { ...line.target, region: 'us-east-1' };
    expect(publicEndpointOf(target)).toBe('http://localhost:4576');
    expect(publicEndpointOf(target, 'cognito')).toBe('http://localhost:4566');
    expect(publicEndpointOf(target, 'lambda')).toBe('http://localhost:4576');
    expect(functionEnvironment(target)).toEqual({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://chat:4566' });
  });

  it('refuses what does not make sense, naming it', () => {
    expect(usageError(['--target', 'azure'])).toMatch(/Unknown target "azure"/);
    expect(usageError(['--target', 'aws', '--endpoint', 'http://localhost:4566'])).toMatch(/--endpoint does not apply to --target aws/);
    expect(usageError(['--profile', 'work'])).toMatch(/--profile applies to --target aws only/);
    expect(usageError(['teardown', '--dry-run'])).toMatch(/--dry-run applies to provision only/);
    expect(usageError(['--verbose'])).toMatch(/--verbose applies with --dry-run only/);
    expect(usageError(['--region', 'Europe'])).toMatch(/"Europe" is not a region name/);
    expect(usageError(['--target', 'localstack', '--endpoint', 'localhost:4566'])).toMatch(/must start with http:\/\/ or https:\/\//);
    expect(usageError(['--target', 'localstack', '--endpoint', 'not a url'])).toMatch(/is not a URL/);
    expect(usageError(['--bogus'])).toMatch(/bogus/);
    expect(usageError(['deploy'])).toMatch(/Unknown command "deploy"/);
    expect(usageError(['provision', 'extra'])).toMatch(/Unexpected argument "extra"/);
    expect(parseCommandLine(['--help'], {})).toBe('help');
  });

  it('gives real AWS clients no endpoint override, even with AWS_ENDPOINT_URL set', async () => {
    const clients = clientsFor({ name: 'aws', region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    expect(clients.dynamodb.config.endpoint).toBeUndefined();
    expect(clients.dynamodb.config.ignoreConfiguredEndpointUrls).toBe(true);
    expect(clients.s3.config.forcePathStyle).toBe(false);
    const local = clientsFor({ name: 'localstack', region: 'eu-west-1', endpoint: 'http://localhost:4566' });
    expect((await local.s3.config.endpoint!()).hostname).toBe('localhost');
    expect(local.s3.config.forcePathStyle).toBe(true);
  });
});

describe('errors a person meets on AWS', () => {
  const aws = { name: 'aws' as const, region: 'eu-west-1' };
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });

  it('explain the problem and the next step', () => {
    expect(explain(named('CredentialsProviderError', 'Could not load credentials from any providers'), aws).next).toMatch(/aws configure/);
    expect(explain(new Error('The bucket name chat-website-1-eu-west-1 is taken by another account.'), aws).next).toMatch(/global/);
    expect(explain(named('BucketAlreadyExists', 'The requested bucket name is not available'), aws).next).toMatch(/--region/);
    const role = explain(named('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.'), aws);
    expect(role.problem).toMatch(/execution role/);
    expect(role.next).toMatch(/run the same command again in a minute/);
    expect(explain(named('TimeoutError', 'Waiter has timed out'), aws).next).toMatch(/CloudFront/);
    expect(explain(named('AccessDeniedException', 'User: x is not authorized to perform: lambda:CreateFunction'), aws).next).toMatch(
      /permission/,
    );
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    expect(explain(refused, { name: 'localstack', region: 'us-east-1', endpoint: 'http://localhost:4566' }).next).toMatch(
      /docker compose --profile localstack up/,
    );
  });

  it('without credentials, the CLI says so and exits 1 without reaching the network', { timeout: 120_000 }, async () => {
    const home = mkdtempSync(join(tmpdir(), 'no-aws-'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    };
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'provision/cli.ts', 'provision', '--target', 'aws', '--region', 'eu-west-1'],
        { cwd: ROOT, env },
        (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(result.stderr).toMatch(/Failed: No AWS credentials found/);
    expect(result.stderr).toMatch(/Next: Configure them/);
    expect(result.code).toBe(1);
  });

  it('a usage error exits 2 with the usage', { timeout: 120_000 }, async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'provision/cli.ts', 'provision', '--target', 'aws', '--endpoint', 'http://localhost:4566'],
        { cwd: ROOT },
        (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(result.stderr).toMatch(/--endpoint does not apply to --target aws/);
    expect(result.stderr).toMatch(/usage: npm run provision/);
    expect(result.code).toBe(2);
  });
});
