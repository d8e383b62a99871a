/** The codes support puts in payload errors. */
export const SupportErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  /** No such ticket or order, or one that is not the viewer's: the two answer alike, so ids reveal nothing. */
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  /** The ticket's transition table does not allow this change from its current status. */
  InvalidTransition: 'INVALID_TRANSITION',
  /** A CLOSED ticket takes no more replies. */
  TicketClosed: 'TICKET_CLOSED',
  /** The customer already has MAX_OPEN_TICKETS tickets that are not CLOSED. */
  TooManyOpenTickets: 'TOO_MANY_OPEN_TICKETS',
  /** The orders subgraph did not answer in time. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;
