import type { FastifyReply, FastifyRequest } from "fastify";
import { setTimeout as sleep } from "node:timers/promises";

export interface FaultSettings {
  /** Milliseconds added before every response. */
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

  /** An onRequest hook; when it answers, the route never runs. */
  readonly hook = async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (this.latency > 0) await sleep(this.latency);
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
}

/** Starts a response that promises more bytes than it sends, then drops the connection. */
function cutConnection(reply: FastifyReply): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": 4096 });
  raw.write('{"partial":', () => raw.destroy());
}
