import { graphqlRequest } from '@shop/testing';

export const ASK = /* GraphQL */ `
  mutation Ask($question: String!, $conversationId: ID) {
    askAssistant(question: $question, conversationId: $conversationId) {
      answer {
        conversationId
        answer
        sources
      }
      errors {
        code
        message
        field
      }
    }
  }
`;

export interface Source {
  operation: string;
  variables: Record<string, unknown>;
  data: any;
  errors?: string[];
}

/** askAssistant through the given endpoint as the token's user; sources parsed. */
export async function ask(url: string, token: string, question: string, conversationId?: string) {
  const res = await graphqlRequest(url, ASK, { question, conversationId }, token);
  const payload = res.data?.askAssistant;
  return {
    res,
    errors: (payload?.errors ?? []) as { code: string; message: string; field: string[] | null }[],
    answer: (payload?.answer?.answer ?? null) as string | null,
    conversationId: (payload?.answer?.conversationId ?? null) as string | null,
    sources: ((payload?.answer?.sources ?? []) as string[]).map((s) => JSON.parse(s) as Source),
  };
}
