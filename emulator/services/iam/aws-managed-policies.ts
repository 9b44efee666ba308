/**
 * The AWS managed policies the app and the course use, with AWS's ids, dates and documents
 * (`aws iam get-policy` / `get-policy-version`). Attaching any other `arn:aws:iam::aws:policy/...`
 * fails with NoSuchEntity here.
 */
export interface AwsManagedPolicy {
  PolicyName: string;
  PolicyId: string;
  Path: string;
  Description: string;
  DefaultVersionId: string;
  CreateDate: string;
  UpdateDate: string;
  Document: string;
}

const document = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

export const AWS_MANAGED_POLICIES: AwsManagedPolicy[] = [
  {
    PolicyName: 'AWSLambdaBasicExecutionRole',
    PolicyId: 'ANPAJNCQGXC42545SKXIK',
    Path: '/service-role/',
    Description: 'Provides write permissions to CloudWatch Logs.',
    DefaultVersionId: 'v1',
    CreateDate: '2015-04-09T15:03:43Z',
    UpdateDate: '2015-04-09T15:03:43Z',
    Document: document([{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }]),
  },
  {
    PolicyName: 'AWSLambdaDynamoDBExecutionRole',
    PolicyId: 'ANPAIP7WNAGMIPYNW4WQG',
    Path: '/service-role/',
    Description: 'Provides list and read access to DynamoDB streams and write permissions to CloudWatch logs.',
    DefaultVersionId: 'v1',
    CreateDate: '2015-04-09T15:09:29Z',
    UpdateDate: '2015-04-09T15:09:29Z',
    Document: document([
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:PutLogEvents',
        ],
        Resource: '*',
      },
    ]),
  },
  {
    PolicyName: 'AWSLambdaRole',
    PolicyId: 'ANPAJX4DPCRGTC4NFDUXI',
    Path: '/service-role/',
    Description: 'Default policy for AWS Lambda service role.',
    DefaultVersionId: 'v1',
    CreateDate: '2015-02-06T18:41:28Z',
    UpdateDate: '2015-02-06T18:41:28Z',
    Document: document([{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }]),
  },
  {
    PolicyName: 'AWSLambdaExecute',
    PolicyId: 'ANPAJE5FX7FQZSU5XAKGO',
    Path: '/',
    Description: 'Provides Put, Get access to S3 and full access to CloudWatch Logs.',
    DefaultVersionId: 'v1',
    CreateDate: '2015-02-06T18:40:46Z',
    UpdateDate: '2015-02-06T18:40:46Z',
    Document: document([
      { Effect: 'Allow', Action: ['logs:*'], Resource: 'arn:aws:logs:*:*:*' },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::*' },
    ]),
  },
  {
    PolicyName: 'AmazonAPIGatewayPushToCloudWatchLogs',
    PolicyId: 'ANPAIK4GFO7HLKYN64ASK',
    Path: '/service-role/',
    Description: "Allows API Gateway to push logs to user's account.",
    DefaultVersionId: 'v1',
    CreateDate: '2015-11-11T23:41:46Z',
    UpdateDate: '2015-11-11T23:41:46Z',
    Document: document([
      {
        Effect: 'Allow',
        Action: [
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:DescribeLogGroups',
          'logs:DescribeLogStreams',
          'logs:PutLogEvents',
          'logs:GetLogEvents',
          'logs:FilterLogEvents',
        ],
        Resource: '*',
      },
    ]),
  },
];

export const awsManagedPolicyArn = (policy: AwsManagedPolicy) => `arn:aws:iam::aws:policy${policy.Path}${policy.PolicyName}`;

export function findAwsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return AWS_MANAGED_POLICIES.find((p) => awsManagedPolicyArn(p) === arn);
}
