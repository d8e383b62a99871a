// A stand-in OTLP/HTTP collector for the benchmarks, run as its own process so that receiving spans costs the
// measured processes nothing: it reads each export request, counts its bytes and answers 200 with an empty
// ExportTraceServiceResponse (a zero-length protobuf message is a valid one). The parent learns its URL from the
// first IPC message and asks for { requests, bytes } with 'stats'.
import { createServer } from 'node:http';

let requests = 0;
let bytes = 0;
const server = createServer((req, res) => {
  req.on('data', (chunk) => (bytes += chunk.length));
  req.on('end', () => {
    requests += 1;
    res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/x-protobuf' }).end();
  });
});
server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', url: `http://127.0.0.1:${server.address().port}` }));
process.on('message', (message) => {
  if (message?.type === 'stats') process.send({ type: 'stats', requests, bytes });
});
process.on('disconnect', () => process.exit(0));
