import * as dynamodb from '@aws-sdk/client-dynamodb';

type ExceptionClass = new (options: Record<string, unknown>) => dynamodb.DynamoDBServiceException;

/** The SDK's exception classes by name (`ConditionalCheckFailedException`, …). */
const CLASSES = new Map<string, ExceptionClass>(
  Object.entries(dynamodb).flatMap(([name, value]) =>
    typeof value === 'function' &&
    value.prototype instanceof dynamodb.DynamoDBServiceException &&
    name.endsWith('Exception')
      ? [[name, value as unknown as ExceptionClass]]
      : [],
  ),
);

/**
 * The error the SDK throws for a DynamoDB error answer: its exception class where it has one
 * (so `instanceof`, `name`, `$fault` and `$metadata.httpStatusCode` are what callers of the SDK
 * know), otherwise a `DynamoDBServiceException` with the answer's name. The body's other
 * fields (e.g. the stored `Item` of a failed condition) stay on the error, as the SDK leaves them.
 */
export const serviceError = (
  status: number,
  body: Record<string, unknown>,
  requestId?: string,
): dynamodb.DynamoDBServiceException => {
  const type = typeof body.__type === 'string' ? body.__type : '';
  const name =
    type.slice(type.lastIndexOf('#') + 1) || (status >= 500 ? 'InternalServerError' : 'UnknownError');
  const { __type: _type, message, Message, ...fields } = body;
  const options = {
    ...fields,
    name,
    message: String(message ?? Message ?? name),
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId, attempts: 1, totalRetryDelay: 0 },
  };
  const Known = CLASSES.get(name);
  return Known ? new Known(options) : new dynamodb.DynamoDBServiceException(options as never);
};

/** What the SDK throws when a connection or an answer takes too long. */
export const timeoutError = (message: string): Error =>
  Object.assign(new Error(message), { name: 'TimeoutError', code: 'ETIMEDOUT' });
