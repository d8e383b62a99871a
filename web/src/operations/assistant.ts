import { graphql } from '../gql';

/** Questions the assistant answers well for the viewer's roles, in Spanish. */
export const AssistantSuggestionsQuery = graphql(`
  query AssistantSuggestions {
    assistantSuggestions
  }
`);

/** One question; conversationId (from the previous answer) keeps the conversation going. */
export const AskAssistantMutation = graphql(`
  mutation AskAssistant($question: String!, $conversationId: ID) {
    askAssistant(question: $question, conversationId: $conversationId) {
      answer { conversationId answer sources }
      errors { code message field }
    }
  }
`);
