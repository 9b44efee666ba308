/** The services in the menu: [route, title, what is counted]. */
export const SERVICES = [
  ['dynamodb', 'DynamoDB', 'tables'],
  ['s3', 'S3', 'buckets'],
  ['lambda', 'Lambda', 'functions'],
  ['apigateway', 'API Gateway', 'REST APIs'],
  ['cognito', 'Cognito', 'user pools'],
  ['cloudfront', 'CloudFront', 'distributions'],
  ['monitoring', 'CloudWatch', 'alarms'],
];
