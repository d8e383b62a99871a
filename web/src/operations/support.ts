import { graphql } from '../gql';

/** A ticket as the lists show it (an order's tickets, "Mis tickets", the admin queue). */
export const TicketSummaryFragment = graphql(`
  fragment TicketSummary on Ticket {
    id
    number
    subject
    status
    priority
    createdAt
    updatedAt
    order { id number }
  }
`);

/**
 * A ticket with its thread, as its page shows it; ticketUpdated selects the same, so a reply or a status change
 * reaches the page through the normalized cache. Authors by id only: a customer may not read an admin's name
 * (byStaff says who answered for the shop).
 */
export const TicketDetailFragment = graphql(`
  fragment TicketDetail on Ticket {
    ...TicketSummary
    customer { id name }
    messages { id body byStaff createdAt author { id } }
  }
`);

/** The tickets opened about one order, oldest first. */
export const OrderTicketsQuery = graphql(`
  query OrderTickets($id: ID!) {
    order(id: $id) { id tickets { ...TicketSummary } }
  }
`);

/** The viewer's own tickets, newest first. */
export const MyTicketsQuery = graphql(`
  query MyTickets($after: String) {
    me {
      id
      tickets(first: 20, after: $after) {
        totalCount
        edges { cursor node { ...TicketSummary } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const TicketQuery = graphql(`
  query Ticket($id: ID!) {
    ticket(id: $id) { ...TicketDetail }
  }
`);

/** Admins: one ticket with why the assignment worker ranked it so. */
export const AdminTicketQuery = graphql(`
  query AdminTicket($id: ID!) {
    ticket(id: $id) {
      ...TicketDetail
      priorityReasons
      customer { id name email }
    }
  }
`);

/** Admins: tickets waiting on staff (or in one status), highest priority then oldest, in pages of 20. */
export const SupportQueueQuery = graphql(`
  query SupportQueue($after: String, $status: TicketStatus) {
    supportQueue(first: 20, after: $after, status: $status) {
      totalCount
      edges { cursor node { ...TicketSummary customer { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const OpenTicketMutation = graphql(`
  mutation OpenTicket($input: OpenTicketInput!) {
    openTicket(input: $input) {
      ticket { ...TicketDetail }
      errors { code message field }
    }
  }
`);

export const ReplyToTicketMutation = graphql(`
  mutation ReplyToTicket($ticketId: ID!, $message: String!) {
    replyToTicket(ticketId: $ticketId, message: $message) {
      ticket { ...TicketDetail }
      errors { code message field }
    }
  }
`);

export const SetTicketStatusMutation = graphql(`
  mutation SetTicketStatus($ticketId: ID!, $status: TicketStatus!) {
    setTicketStatus(ticketId: $ticketId, status: $status) {
      ticket { ...TicketDetail }
      errors { code message field }
    }
  }
`);

/** The ticket each time a message is added or its status or priority changes. */
export const TicketUpdatedSubscription = graphql(`
  subscription TicketUpdated($ticketId: ID!) {
    ticketUpdated(ticketId: $ticketId) { ...TicketDetail }
  }
`);
