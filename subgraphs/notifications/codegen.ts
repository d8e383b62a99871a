import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('NotificationsContext', {
  Notification: '../../db/schema.js#NotificationRow',
  NotificationPreference: '../../domain/preferences.js#NotificationPreferenceView',
  User: '../parents.js#UserParent',
});
