import { startTestPortal, type PortalClient } from "./helpers";

type Outcome = "ok" | "503" | "429" | "cut";

async function attempt(url: string): Promise<Outcome> {
  try {
    const response = await fetch(url);
    if (response.status === 503) return "503";
    if (response.status === 429) {
      expect(response.headers.get("retry-after")).toBe("1");
      return "429";
    }
    await response.json();
    return "ok";
  } catch {
    return "cut";
  }
}

describe("fault injection", () => {
  let client: PortalClient;
  beforeAll(async () => {
    client = await startTestPortal({ faultRate: 1 });
  });
  afterAll(() => client.portal.close());

  it("produces 503s, 429s with Retry-After and cut connections", async () => {
    const seen = new Set<Outcome>();
    for (let i = 0; i < 300 && seen.size < 3; i += 1) {
      seen.add(await attempt(`${client.rest}/info?f=json`));
    }
    expect([...seen].sort()).toEqual(["429", "503", "cut"]);
  });

  it("can be switched off at run time", async () => {
    client.portal.setFaults({ faultRate: 0, latency: 1 });
    for (let i = 0; i < 20; i += 1) expect(await attempt(`${client.rest}/info?f=json`)).toBe("ok");
  });

  it("adds latency as a round trip: half on the way in, half on the way back", async () => {
    client.portal.setFaults({ faultRate: 0, latency: 400 });
    const started = performance.now();
    expect(await attempt(`${client.rest}/info?f=json`)).toBe("ok");
    // Only the first half would leave it near 200 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    client.portal.setFaults({ latency: 0 });
  });

  it("rejects impossible settings", () => {
    expect(() => client.portal.setFaults({ faultRate: 2 })).toThrow(RangeError);
    expect(() => client.portal.setFaults({ latency: -1 })).toThrow(RangeError);
  });
});
