import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";

/** One request as a loopback test server saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RunningServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Responder = (request: RecordedRequest, response: http.ServerResponse) => void;

const openSockets = new WeakMap<http.Server, Set<net.Socket>>();

function listen(server: http.Server): Promise<string> {
  const sockets = new Set<net.Socket>();
  openSockets.set(server, sockets);
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  for (const socket of openSockets.get(server) ?? []) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** A loopback server that records every request and answers with `respond` (JSON `{}` by default). */
export async function startRecordingServer(respond?: Responder): Promise<RunningServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const recorded = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: await readBody(req),
    };
    requests.push(recorded);
    if (respond) return respond(recorded, res);
    res.setHeader("Content-Type", "application/json");
    res.end("{}");
  });
  const url = await listen(server);
  return { url, requests, close: () => closeServer(server) };
}

/** Sends a request upstream and relays its answer to `res` (a 502 when upstream fails). */
function forward(res: http.ServerResponse, options: http.RequestOptions): http.ClientRequest {
  const upstream = http.request(options, (upstreamResponse) => {
    res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
    upstreamResponse.pipe(res);
  });
  upstream.on("error", () => {
    res.writeHead(502);
    res.end();
  });
  return upstream;
}

export interface FlakyFront extends RunningServer {
  /** The next `count` requests fail with `status` (and headers) instead of reaching the portal. */
  failNext(count: number, status: number, headers?: Record<string, string>): void;
}

/**
 * Answers a request itself (returns true) or lets it through to the portal (false), possibly
 * after a pause.
 */
export type FrontHook = (request: RecordedRequest, res: http.ServerResponse) => Promise<boolean>;

/**
 * A reverse proxy in front of a portal that records requests and can fail some on demand; `hook`
 * sees every request first.
 */
export async function startFlakyFront(targetUrl: string, hook?: FrontHook): Promise<FlakyFront> {
  const target = new URL(targetUrl);
  const requests: RecordedRequest[] = [];
  let failures: { count: number; status: number; headers: Record<string, string> } | undefined;
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
    requests.push(recorded);
    if (hook && (await hook(recorded, res))) return;
    if (failures && failures.count > 0) {
      failures.count -= 1;
      res.writeHead(failures.status, { "Content-Type": "text/plain", ...failures.headers });
      res.end("temporarily unavailable");
      return;
    }
    const upstream = forward(res, {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    });
    upstream.end(body);
  });
  const url = await listen(server);
  return {
    url,
    requests,
    failNext(count, status, headers = {}) {
      failures = { count, status, headers };
    },
    close: () => closeServer(server),
  };
}

export interface ForwardProxy {
  url: string;
  port: number;
  /** "GET http://host/path" for forwarded requests, "CONNECT host:port" for tunnels. */
  seen: string[];
  close(): Promise<void>;
}

/** A plain HTTP forward proxy on loopback: absolute-form requests and CONNECT tunnels. */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? "");
    const upstream = forward(res, {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers: req.headers,
    });
    req.pipe(upstream);
  });
  server.on("connect", (req: http.IncomingMessage, clientSocket: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      clientSocket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on("error", () => clientSocket.destroy());
    clientSocket.on("error", () => upstream.destroy());
  });
  const url = await listen(server);
  return { url, port: Number(new URL(url).port), seen, close: () => closeServer(server) };
}
