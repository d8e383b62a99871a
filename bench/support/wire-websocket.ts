/**
 * A lean WebSocket client (RFC 6455) for the fan-out bench's load generator: one socket per subscriber, many thousands
 * per process. With every subscriber on the same 2-core machine as the gateway, the clients' receive work competes with
 * the gateway for CPU, so it has to be small: data is read with net's `onread` (one shared read buffer, no stream
 * machinery per chunk) and frames are parsed in place. A client of the product would use graphql-ws's own client; this
 * one exists only so that the bench measures the gateway rather than its load generator.
 */
import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;
/** Reads land here and are parsed before the next read: anything kept past the callback is copied out. */
const sharedReadBuffer = Buffer.allocUnsafe(256 * 1024);

/** Random bytes drawn from a pool refilled 64 KB at a time: a call per 4-byte mask cost more than the frame. */
const randomPool = { bytes: randomBytes(64 * 1024), offset: 0 };
function randomSlice(size: number): Buffer {
  if (randomPool.offset + size > randomPool.bytes.length) {
    randomPool.bytes = randomBytes(64 * 1024);
    randomPool.offset = 0;
  }
  randomPool.offset += size;
  return randomPool.bytes.subarray(randomPool.offset - size, randomPool.offset);
}

export interface WireHandlers {
  open(): void;
  text(message: string): void;
  /** The connection is gone; `code` is the close frame's code, 1006 if there was none. */
  close(code: number): void;
  error(error: Error): void;
}

export class WireWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;

  readyState: number = WireWebSocket.CONNECTING;
  private readonly socket: Socket;
  private readonly expectedAccept: string;
  /** Bytes of an unfinished handshake response or frame, carried over to the next read. */
  private carry: Buffer | null = null;
  private fragments: Buffer[] | null = null;
  private closeCode = 1006;

  constructor(url: string, protocol: string, private readonly on: WireHandlers) {
    const target = new URL(url);
    const key = randomSlice(16).toString('base64');
    this.expectedAccept = createHash('sha1').update(key + ACCEPT_GUID).digest('base64');
    this.socket = connect({
      host: target.hostname,
      port: Number(target.port),
      noDelay: true,
      onread: { buffer: sharedReadBuffer, callback: (bytes) => (this.receive(sharedReadBuffer.subarray(0, bytes)), true) },
    });
    this.socket.on('connect', () =>
      this.socket.write(
        `GET ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
      ),
    );
    this.socket.on('error', (error) => this.on.error(error));
    this.socket.on('close', () => {
      this.readyState = WireWebSocket.CLOSED;
      this.on.close(this.closeCode);
    });
  }

  send(text: string): void {
    if (this.readyState === WireWebSocket.OPEN) this.socket.write(maskedFrame(OP.text, Buffer.from(text)));
  }

  /** Starts the closing handshake; the connection ends when the server answers it. */
  close(code = 1000): void {
    if (this.readyState !== WireWebSocket.OPEN) return this.terminate();
    const body = Buffer.alloc(2);
    body.writeUInt16BE(code);
    this.socket.write(maskedFrame(OP.close, body));
    this.readyState = WireWebSocket.CLOSING;
  }

  terminate(): void {
    this.readyState = WireWebSocket.CLOSED;
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    if (this.readyState === WireWebSocket.CONNECTING) {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return void (this.carry = Buffer.from(data));
      if (!this.acceptHandshake(data.toString('latin1', 0, end))) return;
      data = data.subarray(end + 4);
    }
    let offset = 0;
    while (data.length - offset >= 2) {
      const first = data[offset]!;
      const second = data[offset + 1]!;
      if (second & 0x80) return this.fail(new Error('the server sent a masked frame'));
      let length = second & 0x7f;
      let header = 2;
      if (length === 126) {
        if (data.length - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (data.length - offset < 10) break;
        length = Number(data.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (data.length - offset < header + length) break;
      this.frame((first & 0x80) !== 0, first & 0x0f, data.subarray(offset + header, offset + header + length));
      offset += header + length;
      if (this.readyState === WireWebSocket.CLOSED) return;
    }
    if (offset < data.length) this.carry = Buffer.from(data.subarray(offset));
  }

  private acceptHandshake(head: string): boolean {
    const [status, ...lines] = head.split('\r\n');
    const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    if (!/^HTTP\/1\.1 101 /.test(status ?? '') || headers.get('sec-websocket-accept') !== this.expectedAccept) {
      this.fail(new Error(`handshake refused: ${status}`));
      return false;
    }
    this.readyState = WireWebSocket.OPEN;
    this.on.open();
    return true;
  }

  private frame(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === OP.text || opcode === OP.binary || opcode === OP.continuation) {
      if (fin && !this.fragments) return this.on.text(payload.toString());
      (this.fragments ??= []).push(Buffer.from(payload));
      if (!fin) return;
      const message = Buffer.concat(this.fragments).toString();
      this.fragments = null;
      return this.on.text(message);
    }
    if (opcode === OP.ping) return void this.socket.write(maskedFrame(OP.pong, payload));
    if (opcode === OP.close) {
      this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      // The server started the close: echo it. Either way the handshake is done and the TCP connection can end.
      if (this.readyState === WireWebSocket.OPEN) this.socket.write(maskedFrame(OP.close, payload.subarray(0, 2)));
      this.readyState = WireWebSocket.CLOSING;
      this.socket.end();
    }
  }

  private fail(error: Error): void {
    this.on.error(error);
    this.terminate();
  }
}

/** Client frames are masked (RFC 6455 5.3) with a fresh key each. */
function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? 6 : length < 65_536 ? 8 : 14;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) frame[1] = 0x80 | length;
  else if (length < 65_536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomSlice(4);
  mask.copy(frame, header - 4);
  for (let i = 0; i < length; i++) frame[header + i] = payload[i]! ^ mask[i & 3]!;
  return frame;
}
