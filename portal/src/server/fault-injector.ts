import type { FastifyReply, FastifyRequest } from "fastify";
import { setTimeout as sleep } from "node:timers/promises";

export interface FaultSettings {
  /**
   * Milliseconds of round trip added to every request: half before the route runs (the request
   * on its way), half after it has answered (the answer on its way back).
   */
  latency?: number;
  /** Probability (0..1) that a request fails with a random fault. */
  faultRate?: number;
}

type Fault = "unavailable" | "throttled" | "connection-cut";
const FAULTS: readonly Fault[] = ["unavailable", "throttled", "connection-cut"];

/** Slows and breaks requests on demand, for benchmarks and client retry tests. */
export class FaultInjector {
  private latency = 0;
  private faultRate = 0;

  constructor(
    settings: FaultSettings,
    private readonly random: () => number = Math.random,
  ) {
    this.set(settings);
  }

  set(settings: FaultSettings): void {
    if (settings.latency !== undefined) {
      if (!Number.isFinite(settings.latency) || settings.latency < 0) {
        throw new RangeError("latency must be a number of milliseconds >= 0");
      }
      this.latency = settings.latency;
    }
    if (settings.faultRate !== undefined) {
      if (!(settings.faultRate >= 0 && settings.faultRate <= 1)) {
        throw new RangeError("faultRate must be between 0 and 1");
      }
      this.faultRate = settings.faultRate;
    }
  }

  /**
   * An onRequest hook; when it answers, the route never runs. It waits the first half of the
   * latency: a network delays a request before the server sees it and the answer after the
   * server is done with it, and in between the server is free to read and answer others.
   * Waiting the whole round trip up front made a server busy with answers that woke together
   * read the requests that came meanwhile only after all of them, as no network would.
   */
  readonly hook = async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (this.latency > 0) await sleep(this.latency / 2);
    if (this.faultRate === 0 || this.random() >= this.faultRate) return;
    const fault = FAULTS[Math.floor(this.random() * FAULTS.length) % FAULTS.length];
    if (fault === "unavailable") {
      await reply.code(503).send({
        error: { code: 503, message: "Service Unavailable (injected fault).", details: [] },
      });
    } else if (fault === "throttled") {
      await reply
        .code(429)
        .header("retry-after", "1")
        .send({
          error: { code: 429, message: "Too Many Requests (injected fault).", details: [] },
        });
    } else {
      cutConnection(reply);
    }
  };

  /** An onSend hook: the second half of the latency, on the answer's way back. */
  readonly sendHook = async (
    _request: FastifyRequest,
    _reply: FastifyReply,
    payload: unknown,
  ): Promise<unknown> => {
    if (this.latency > 0) await sleep(this.latency / 2);
    return payload;
  };
}

/** Starts a response that promises more bytes than it sends, then drops the connection. */
function cutConnection(reply: FastifyReply): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": 4096 });
  raw.write('{"partial":', () => raw.destroy());
}
