// The kernel's building blocks on their own, without a running kernel.
import { display, html } from "../../kernel/src/jupyter/display";
import { ExecutionQueue } from "../../kernel/src/jupyter/execution-queue";
import { History } from "../../kernel/src/jupyter/history";
import { canPromptForInput, promptForInput } from "../../kernel/src/jupyter/input";
import { displaySymbol, toMimeBundle } from "../../kernel/src/jupyter/mime-bundle";
import { progress } from "../../kernel/src/jupyter/progress";
import { Widget } from "../../kernel/src/jupyter/widget";
import { extractBuffers, insertBuffers } from "../../kernel/src/jupyter/widget-buffers";
import {
  decodeMessage,
  encodeMessage,
  MalformedMessageError,
  newHeader,
} from "../../kernel/src/jupyter/wire";

function captureStdout(work: () => void): string {
  const written: string[] = [];
  const spy = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return written.join("");
}

describe("wire format", () => {
  const message = {
    identities: [Buffer.from("client")],
    header: newHeader("comm_msg", "session", "user"),
    parentHeader: {},
    metadata: { version: "2.1.0" },
    content: { comm_id: "c1", data: { a: 1 } },
    buffers: [Buffer.from([0, 1, 2])],
  };

  test("a signed message with buffers decodes to what was encoded", () => {
    expect(decodeMessage(encodeMessage(message, "key"), "key")).toEqual(message);
  });

  test("a message signed with another key is rejected", () => {
    expect(() => decodeMessage(encodeMessage(message, "other"), "key")).toThrow(
      MalformedMessageError,
    );
  });

  test("frames without the delimiter are rejected", () => {
    expect(() => decodeMessage([Buffer.from("junk")], "key")).toThrow(MalformedMessageError);
  });
});

describe("widget buffers", () => {
  test("binary values leave the state and come back at their paths", () => {
    const split = extractBuffers({
      name: "m",
      image: new Uint8Array([1, 2]),
      list: [1, new Uint8Array([3])],
    });
    expect(split.state).toEqual({ name: "m", list: [1, null] });
    expect(split.bufferPaths).toEqual([["image"], ["list", 1]]);
    const restored = insertBuffers(split.state, split.bufferPaths, split.buffers);
    expect(restored).toEqual({
      name: "m",
      list: [1, Buffer.from([3])],
      image: Buffer.from([1, 2]),
    });
  });
});

describe("outside the kernel", () => {
  test("a widget keeps its state and shows as a widget view", () => {
    const widget = new Widget(
      { modelName: "M", modelModule: "m", modelModuleVersion: "1.0.0" },
      { zoom: 3 },
    );
    widget.set({ zoom: 4 });
    expect(widget.state.zoom).toBe(4);
    expect(toMimeBundle(widget)["application/vnd.jupyter.widget-view+json"]).toEqual({
      version_major: 2,
      version_minor: 0,
      model_id: widget.modelId,
    });
  });

  test("display prints the text form and rich objects keep their bundle", () => {
    expect(captureStdout(() => display({ a: 1 }))).toBe("{ a: 1 }\n");
    expect(toMimeBundle(html("<b>x</b>"))).toEqual({
      "text/html": "<b>x</b>",
      "text/plain": "<HTML content>",
    });
    const custom = { [displaySymbol]: () => ({ "text/markdown": "**x**" }) };
    expect(toMimeBundle(custom)["text/markdown"]).toBe("**x**");
  });

  test("progress written to a pipe prints only the outcome", () => {
    const isTTY = process.stdout.isTTY;
    process.stdout.isTTY = false;
    try {
      const output = captureStdout(() => {
        const bar = progress("Copying", { total: 4 });
        for (let i = 0; i < 4; i++) bar.advance();
        bar.finish();
      });
      expect(output).toBe(`Copying [${"#".repeat(24)}] 100% (4/4) done\n`);
    } finally {
      process.stdout.isTTY = isTTY;
    }
  });

  test("progress on a terminal redraws one line", () => {
    const isTTY = process.stdout.isTTY;
    process.stdout.isTTY = true;
    try {
      const output = captureStdout(() => {
        const bar = progress("Copying", { total: 2 });
        bar.advance();
        bar.advance();
        bar.finish();
      });
      expect(output.split("\r").filter(Boolean)).toHaveLength(4);
      expect(output.endsWith("done\x1b[K\n")).toBe(true);
      expect(output.slice(0, -1)).not.toContain("\n");
    } finally {
      process.stdout.isTTY = isTTY;
    }
  });

  test("prompting is unavailable", async () => {
    expect(canPromptForInput()).toBe(false);
    await expect(promptForInput("Password: ", { password: true })).rejects.toThrow(/tsgis kernel/);
  });
});

describe("execution queue", () => {
  test("a failure aborts the cells already waiting, not later ones", async () => {
    const queue = new ExecutionQueue();
    let releaseFirst: () => void = () => {};
    const first = queue.run(
      () =>
        new Promise<string>((resolve) => {
          releaseFirst = () => {
            queue.abortWaiting();
            resolve("failed");
          };
        }),
    );
    const waiting = queue.run(async () => "ran");
    await Promise.resolve();
    releaseFirst();
    expect(await first).toEqual({ aborted: false, value: "failed" });
    expect(await waiting).toEqual({ aborted: true });
    expect(await queue.run(async () => "later")).toEqual({ aborted: false, value: "later" });
  });
});

describe("history", () => {
  test("search with unique keeps each input once, at its latest run", () => {
    const history = new History();
    ["a = 1", "b = 2", "a = 1"].forEach((code, index) => history.record(index + 1, code));
    expect(history.reply({ hist_access_type: "search", pattern: "a*", unique: true })).toEqual({
      status: "ok",
      history: [[1, 3, "a = 1"]],
    });
    expect(history.reply({ hist_access_type: "tail", n: 2 }).history).toEqual([
      [1, 2, "b = 2"],
      [1, 3, "a = 1"],
    ]);
  });
});
