// The rules that keep views and the kernel in step without echo loops.
import { defaultMapState } from "../../kernel/src/map/contract";
import { parseCredentials, renewDelay, RENEW_BEFORE_MS } from "../../widget/src/sync/credentials";
import { debounce } from "../../widget/src/sync/debounce";
import { reportFor, targetFor, type Viewpoint } from "../../widget/src/sync/navigation";

const here: Viewpoint = {
  center: [48.8566, 2.3522],
  zoom: 12,
  scale: 144447.638572,
  extent: { xmin: 2.2, ymin: 48.8, xmax: 2.5, ymax: 48.9, spatialReference: { wkid: 4326 } },
  rotation: 0,
  heading: 0,
  tilt: 0,
};

describe("reporting navigation", () => {
  it("reports nothing when the model already holds the view's values, float noise aside", () => {
    const state = {
      ...defaultMapState(),
      center: [48.8566, 2.3522] as [number, number],
      zoom: 12,
      scale: 144448,
      extent: here.extent,
    };
    const noisy = {
      ...here,
      center: [48.8566000001, 2.3522000002] as [number, number],
      zoom: 12.0001,
    };
    expect(reportFor(state, noisy)).toEqual({});
  });

  it("reports only what changed after a pan", () => {
    const state = { ...defaultMapState(), ...here, scale: 144448 };
    const panned = {
      ...here,
      center: [48.9, 2.4] as [number, number],
      extent: { ...here.extent, xmin: 2.25, xmax: 2.55 },
    };
    const report = reportFor(state, panned);
    expect(Object.keys(report).sort()).toEqual(["center", "extent"]);
    expect(report.center).toEqual([48.9, 2.4]);
  });
});

describe("following the model", () => {
  it("goes to a new centre and zoom set by the kernel", () => {
    const state = { ...defaultMapState(), center: [51.5, -0.12] as [number, number], zoom: 8 };
    expect(targetFor(["center", "zoom"], state, here)).toEqual({
      kind: "center",
      center: [51.5, -0.12],
      zoom: 8,
      scale: null,
    });
  });

  it("does not move a view that is already there (no echo)", () => {
    const state = { ...defaultMapState(), center: here.center, zoom: here.zoom };
    expect(targetFor(["center", "zoom"], state, here)).toBeNull();
    expect(targetFor(["extent"], { ...defaultMapState(), extent: here.extent }, here)).toBeNull();
  });

  it("goes to an extent, a zoom or a scale set alone", () => {
    const extent = { xmin: -10, ymin: 35, xmax: 30, ymax: 60, spatialReference: { wkid: 4326 } };
    expect(targetFor(["extent"], { ...defaultMapState(), extent }, here)).toEqual({
      kind: "extent",
      extent,
    });
    expect(targetFor(["zoom"], { ...defaultMapState(), zoom: 3 }, here)).toEqual({
      kind: "zoom",
      zoom: 3,
    });
    expect(targetFor(["scale"], { ...defaultMapState(), scale: 5000 }, here)).toEqual({
      kind: "scale",
      scale: 5000,
    });
    expect(targetFor(["layers"], defaultMapState(), here)).toBeNull();
  });
});

describe("credentials from the kernel", () => {
  it("keeps well-formed http(s) entries only", () => {
    const good = { server: "http://127.0.0.1:1/sharing/rest", token: "t", expires: 5, ssl: false };
    expect(
      parseCredentials([
        good,
        { server: "javascript:alert(1)", token: "t", expires: 5, ssl: false },
        { server: "https://x", token: "", expires: 5, ssl: true },
        null,
      ]),
    ).toEqual([good]);
    expect(parseCredentials("nope")).toEqual([]);
  });

  it("asks again before the earliest expiry", () => {
    const now = 1_000_000;
    const entries = [
      { server: "http://a", token: "t", expires: now + 15 * 60_000, ssl: false },
      { server: "http://b", token: "t", expires: now + 10 * 60_000, ssl: false },
    ];
    expect(renewDelay(entries, now)).toBe(10 * 60_000 - RENEW_BEFORE_MS);
    expect(renewDelay([], now)).toBeNull();
  });
});

describe("debounce", () => {
  afterEach(() => jest.useRealTimers());

  it("runs once with the last arguments after a burst", () => {
    jest.useFakeTimers();
    const calls: number[] = [];
    const report = debounce((value: number) => calls.push(value), 100);
    report(1);
    report(2);
    jest.advanceTimersByTime(99);
    report(3);
    jest.advanceTimersByTime(100);
    expect(calls).toEqual([3]);
    report(4);
    report.cancel();
    jest.advanceTimersByTime(200);
    expect(calls).toEqual([3]);
  });
});
