/** The codes the assistant puts in payload errors (RATE_LIMITED is a GraphQL error, as every rate limit of the API). */
export const AssistantErrorCode = {
  /** The question is blank or longer than 500 characters, or the conversation id is not an id. */
  InvalidInput: 'INVALID_INPUT',
  /** No such conversation, or another user's: the two answer alike, so ids reveal nothing. */
  NotFound: 'NOT_FOUND',
  /** The gateway or the model's API did not answer in time. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;
