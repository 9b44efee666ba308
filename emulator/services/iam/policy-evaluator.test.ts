import { describe, expect, it } from 'vitest';
import { evaluatePolicies, grantsPublicAccess, type PolicyDocument, wildcardMatch } from './policy-evaluator.js';

const root = { arn: 'arn:aws:iam::111122223333:root', account: '111122223333' };

describe('policy evaluator', () => {
  it('matches wildcards', () => {
    expect(wildcardMatch('arn:aws:s3:::site/*', 'arn:aws:s3:::site/a/b.html')).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::site/*', 'arn:aws:s3:::site')).toBe(false);
    expect(wildcardMatch('s3:Get*', 's3:getobject', true)).toBe(true);
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
    expect(wildcardMatch('a?c', 'ac')).toBe(false);
  });

  it('lets an explicit Deny win, and nothing matching is an implicit deny', () => {
    const policy: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/keep/*' },
      ],
    };
    expect(evaluatePolicies([policy], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/x' })).toBe('Allow');
    expect(evaluatePolicies([policy], { principal: root, action: 's3:DeleteObject', resource: 'arn:aws:s3:::b/keep/x' })).toBe('Deny');
    expect(evaluatePolicies([policy], { action: 's3:ListBucket', resource: 'arn:aws:s3:::b' })).toBe('NoMatch');
  });

  it('matches account and ARN principals, and service principals', () => {
    const policy: PolicyDocument = {
      Statement: [
        { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: '*' },
        { Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:ListBucket', Resource: '*' },
      ],
    };
    expect(evaluatePolicies([policy], { principal: root, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' })).toBe('Allow');
    expect(evaluatePolicies([policy], { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' })).toBe('NoMatch');
    expect(evaluatePolicies([policy], { service: 'cloudfront.amazonaws.com', action: 's3:ListBucket', resource: 'arn:aws:s3:::b' })).toBe(
      'Allow',
    );
  });

  it('evaluates identity policies without a principal, with NotAction and conditions', () => {
    const policy: PolicyDocument = {
      Statement: [
        { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
        { Effect: 'Deny', Action: 'dynamodb:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
      ],
    };
    const put = { action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:us-east-1:1:table/t' };
    expect(evaluatePolicies([policy], { ...put, context: { 'aws:RequestedRegion': 'us-east-1' } })).toBe('Allow');
    expect(evaluatePolicies([policy], { ...put, context: { 'aws:RequestedRegion': 'eu-west-1' } })).toBe('Deny');
    expect(evaluatePolicies([policy], { action: 'iam:CreateRole', resource: '*' })).toBe('NoMatch');
  });

  it('tells public policies from ones pinned by a condition', () => {
    const open: PolicyDocument = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] };
    const pinned: PolicyDocument = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/*',
          Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
        },
      ],
    };
    expect(grantsPublicAccess(open)).toBe(true);
    expect(grantsPublicAccess(pinned)).toBe(false);
  });
});
