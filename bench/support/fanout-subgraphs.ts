/** Bench child: the test subgraphs and their event bus, in a process of their own. Publishes on request and says when. */
import { PRODUCT, startTestSubgraphs } from '../../supergraph/test/subscriptions.fixtures.js';

const now = () => performance.timeOrigin + performance.now();
const graph = await startTestSubgraphs();
process.on('message', (message: { type: 'publish'; seq: number } | { type: 'stop' }) => {
  if (message.type === 'stop') {
    void graph.stop().then(() => process.exit(0));
    return;
  }
  const at = now();
  void graph.publishStock(PRODUCT.id, message.seq).then(() => process.send!({ type: 'published', seq: message.seq, at }));
});
process.send!({
  type: 'ready',
  supergraphSdl: graph.supergraphSdl,
  subgraphUrls: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [name, s.url])),
  publicKeyPem: graph.keys.publicKeyPem,
  productId: PRODUCT.id,
});
// The bench process went away (finished or crashed): do not linger.
process.on('disconnect', () => process.exit(0));
