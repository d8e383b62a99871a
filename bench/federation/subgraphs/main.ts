/** The four benchmark subgraphs as a process of their own (startFederationSubgraphs spawns it): says its URLs over IPC. */
import { serveFederationSubgraphs } from './server.js';

const served = await serveFederationSubgraphs(Number(process.env.PORT ?? 0));
process.send!({ type: 'ready', urls: served.urls });
const stop = () => void served.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The bench went away (finished or crashed): do not linger.
process.on('disconnect', stop);
