import { encodeParams } from "../../kernel/src/session/params";
import {
  isLoopbackHost,
  normalizePortalUrl,
  removeTokenFromUrl,
} from "../../kernel/src/session/url";
import {
  parseRetryAfter,
  retryDelayMs,
  DEFAULT_RETRY_POLICY,
} from "../../kernel/src/session/retry";

describe("encodeParams", () => {
  it("encodes values the way the REST API reads them", () => {
    const when = new Date(Date.UTC(2024, 0, 2));
    expect(
      encodeParams({
        q: "owner:admin",
        num: 100,
        sortAsc: true,
        tags: ["a", "b", 3],
        extent: { xmin: 1, ymin: 2 },
        layers: [{ id: 0 }],
        modified: when,
        gone: null,
        missing: undefined,
      }),
    ).toEqual({
      q: "owner:admin",
      num: "100",
      sortAsc: "true",
      tags: "a,b,3",
      extent: '{"xmin":1,"ymin":2}',
      layers: '[{"id":0}]',
      modified: String(when.getTime()),
    });
  });
});

describe("normalizePortalUrl", () => {
  it.each([
    [undefined, "https://www.arcgis.com"],
    ["https://gis.example.com/portal/", "https://gis.example.com/portal"],
    ["https://gis.example.com/portal/home", "https://gis.example.com/portal"],
    ["https://gis.example.com/portal/home/index.html", "https://gis.example.com/portal"],
    ["https://gis.example.com/portal/sharing/rest", "https://gis.example.com/portal"],
    ["https://gis.example.com/portal/sharing/rest/", "https://gis.example.com/portal"],
    ["myorg.maps.arcgis.com", "https://myorg.maps.arcgis.com"],
    ["http://127.0.0.1:8080/sharing/rest?f=json", "http://127.0.0.1:8080"],
  ])("turns %s into %s", (input, expected) => {
    expect(normalizePortalUrl(input)).toBe(expected);
  });

  it.each(["", "   ", "https://", "ftp://example.com", "http://exa mple.com"])(
    "rejects %j naming the url argument",
    (input) => {
      expect(() => normalizePortalUrl(input)).toThrow(/^url: /);
    },
  );
});

describe("removeTokenFromUrl", () => {
  it("drops the token and keeps everything else", () => {
    expect(removeTokenFromUrl("https://h/sharing/rest/x?f=json&token=SECRET&q=1")).toBe(
      "https://h/sharing/rest/x?f=json&q=1",
    );
    expect(removeTokenFromUrl("https://h/x?token=SECRET")).not.toContain("SECRET");
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback addresses from the rest", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("127.4.5.6")).toBe(true);
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("10.0.0.1")).toBe(false);
    expect(isLoopbackHost("example.com")).toBe(false);
  });
});

describe("retry timing", () => {
  it("honours Retry-After in seconds and as a date, capped by the policy", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 7_000)).toBe(3000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, "1")).toBe(1000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, "3600")).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it("backs off exponentially with jitter inside the window", () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10_000 };
    expect(retryDelayMs(policy, 1, undefined, () => 0)).toBe(50);
    expect(retryDelayMs(policy, 1, undefined, () => 1)).toBe(100);
    expect(retryDelayMs(policy, 3, undefined, () => 1)).toBe(400);
    expect(retryDelayMs(policy, 20, undefined, () => 1)).toBe(10_000);
  });
});
