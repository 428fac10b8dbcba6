// How a value shows in the notebook. An object opts into rich display by implementing a
// method under `displaySymbol` that returns a mime bundle (the role of _repr_mimebundle_ in
// IPython); a bundle without text/plain gets one from util.inspect, so every front end and
// terminal can show something. IPython's own `_repr_html_()` convention is honoured too, so
// classes modelled on the Python API (Item, User, Group cards) show without knowing the symbol.
import { inspect } from "util";
import type { MimeBundle } from "./protocol";

/**
 * `Symbol.for("tsgis.display")`: the same symbol in every copy of the tsgis package.
 * Python: the `_repr_mimebundle_` method IPython looks for.
 * @example
 * const value = { [displaySymbol]: () => ({ "text/html": "<b>hi</b>" }) };
 */
export const displaySymbol: unique symbol = Symbol.for("tsgis.display") as never;

/** An object that shows richly in a notebook. Python: an object with `_repr_mimebundle_()`. */
export interface Displayable {
  /** The mime bundle to show, e.g. `{ "text/html": "…" }`. */
  [displaySymbol](): MimeBundle;
}

export function isDisplayable(value: unknown): value is Displayable {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as Partial<Displayable>)[displaySymbol] === "function"
  );
}

/** The text/plain form: strings as themselves would hide their type, so they are quoted. */
export function plainText(value: unknown): string {
  return inspect(value, { colors: false, depth: 4 });
}

function jsonReady(data: unknown): unknown {
  // Images and PDFs travel as base64 strings inside the JSON bundle.
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("base64");
  if (ArrayBuffer.isView(data)) {
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64");
  }
  return data;
}

interface HtmlRepresentable {
  _repr_html_(): string;
}

function hasHtmlRepresentation(value: unknown): value is HtmlRepresentable {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<HtmlRepresentable>)._repr_html_ === "function"
  );
}

export function toMimeBundle(value: unknown): MimeBundle {
  if (!isDisplayable(value)) {
    if (hasHtmlRepresentation(value)) {
      return { "text/html": value._repr_html_(), "text/plain": plainText(value) };
    }
    return { "text/plain": plainText(value) };
  }
  const bundle: MimeBundle = {};
  for (const [mimeType, data] of Object.entries(value[displaySymbol]())) {
    if (data !== undefined) bundle[mimeType] = jsonReady(data);
  }
  if (typeof bundle["text/plain"] !== "string") bundle["text/plain"] = plainText(value);
  return bundle;
}
