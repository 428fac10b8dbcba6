// Sends what cell code writes to process.stdout / process.stderr (console.log included) to the
// notebook as `stream` messages, under the request that produced it.
import { StringDecoder } from "string_decoder";
import type { KernelChannels } from "./channels";

type StreamName = "stdout" | "stderr";
type WriteCallback = (error?: Error | null) => void;

function captureStream(
  stream: NodeJS.WriteStream,
  name: StreamName,
  channels: KernelChannels,
): void {
  const original = stream.write.bind(stream);
  const decoder = new StringDecoder("utf8");
  const write = (
    chunk: string | Uint8Array,
    encodingOrCallback?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ): boolean => {
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (!channels.currentParent()) {
      // Nothing has been asked of the kernel yet: there is no cell to show this in.
      return original(chunk, done);
    }
    const encoding = typeof encodingOrCallback === "string" ? encodingOrCallback : "utf8";
    const text =
      typeof chunk === "string"
        ? Buffer.from(chunk, encoding).toString("utf8")
        : decoder.write(Buffer.from(chunk));
    if (text) void channels.publish("stream", { name, text });
    done?.();
    return true;
  };
  stream.write = write as typeof stream.write;
}

export function captureProcessOutput(channels: KernelChannels): void {
  captureStream(process.stdout, "stdout", channels);
  captureStream(process.stderr, "stderr", channels);
}
