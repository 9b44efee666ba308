/** The services in the menu: [route, title, what is counted (one, many)]. */
export const SERVICES = [
  ['dynamodb', 'DynamoDB', ['table', 'tables']],
  ['s3', 'S3', ['bucket', 'buckets']],
  ['lambda', 'Lambda', ['function', 'functions']],
  ['apigateway', 'API Gateway', ['REST API', 'REST APIs']],
  ['cognito', 'Cognito', ['user pool', 'user pools']],
  ['cloudfront', 'CloudFront', ['distribution', 'distributions']],
  ['monitoring', 'CloudWatch', ['alarm', 'alarms']],
];
