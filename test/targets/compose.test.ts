/**
 * docker-compose.yml: its shape is checked everywhere; the file itself is validated by Debian's
 * docker-compose (`config -q`) where it is installed. No Docker engine is needed for either.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = `${ROOT}docker-compose.yml`;

interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
}

/** A compose interpolation, `${expr}`, as written in the file. */
const v = (expr: string) => `\${${expr}}`;

const compose = parse(readFileSync(FILE, 'utf8')) as { services: Record<string, Service> };

function dockerCompose(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

describe('docker-compose.yml', () => {
  const { chat, localstack, 'provision-localstack': provisioner } = compose.services;

  it('brings up the chat on the local cloud by default, reachable on the same port inside and out', () => {
    expect(chat?.profiles).toBeUndefined();
    expect(chat?.build).toBe('.');
    expect(chat?.environment?.PORT).toBe(v('CHAT_PORT:-4566'));
    expect(chat?.ports).toEqual([`${v('CHAT_PORT:-4566')}:${v('CHAT_PORT:-4566')}`]);
    expect(chat?.healthcheck?.test.join(' ')).toContain('/_emulator/health');
  });

  it('runs LocalStack 4.14.0 (overridable) under the localstack profile, passing the token through', () => {
    expect(localstack?.profiles).toEqual(['localstack']);
    expect(localstack?.image).toBe(v('LOCALSTACK_IMAGE:-localstack/localstack:4.14.0'));
    expect(localstack?.environment?.LOCALSTACK_AUTH_TOKEN).toBe(v('LOCALSTACK_AUTH_TOKEN:-'));
    expect(localstack?.healthcheck?.test.join(' ')).toContain('/_localstack/health');
  });

  it('provisions into LocalStack only once both clouds are healthy, routing what the free tier lacks', () => {
    expect(provisioner?.profiles).toEqual(['localstack']);
    expect(provisioner?.depends_on).toEqual({ chat: { condition: 'service_healthy' }, localstack: { condition: 'service_healthy' } });
    const script = provisioner?.command?.join(' ') ?? '';
    expect(script).toContain('AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER');
    expect(script).toContain('AWS_ENDPOINT_URL_CLOUDFRONT');
    expect(script).toContain('--target localstack --endpoint');
    expect(script).toContain('--public-host localhost');
  });

  const binary = dockerCompose();
  it.skipIf(!binary)(
    `is valid for docker-compose config -q${binary ? '' : ' (skipped: docker-compose is not installed; apt-get install docker-compose)'}`,
    () => {
      for (const profile of [[], ['--profile', 'localstack']]) {
        execFileSync(binary!, ['-f', FILE, ...profile, 'config', '-q'], { cwd: ROOT, stdio: 'pipe' });
      }
      const withOverrides = execFileSync(binary!, ['-f', FILE, '--profile', 'localstack', 'config'], {
        cwd: ROOT,
        env: { ...process.env, LOCALSTACK_IMAGE: 'localstack/localstack:9.9.9', LOCALSTACK_AUTH_TOKEN: 'ls-token' },
        encoding: 'utf8',
      });
      expect(withOverrides).toContain('image: localstack/localstack:9.9.9');
      expect(withOverrides).toContain('LOCALSTACK_AUTH_TOKEN: ls-token');
    },
  );
});
