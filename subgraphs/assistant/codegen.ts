import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('AssistantContext', {
  AssistantConversation: '../../db/schema.js#ConversationRow',
  AssistantMessage: '../../db/schema.js#MessageRow',
});
