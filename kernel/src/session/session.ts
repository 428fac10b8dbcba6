import { inspect } from "node:util";
import { safeInspect, type SafeDescription } from "./safe-repr";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type { AxiosInstance, AxiosResponse, AxiosStatic } from "axios";
import { ArcGISError, type ArcGISErrorBody } from "../errors";
import { AnonymousAccess, type Authenticator } from "./auth";
import { buildMultipartBody, isReplayable, knownLength, type FilePart } from "./files";
import { encodeParams, type RequestParams } from "./params";
import {
  DEFAULT_RETRY_POLICY,
  isRetryableNetworkError,
  isRetryableStatus,
  retryDelayMs,
  sleep,
  type RetryPolicy,
} from "./retry";
import { TokenScope } from "./token-scope";
import { answerChallenge } from "./iwa/web-tier";
import { Transport, type Agents, type TransportOptions } from "./transport";
import { removeTokenFromUrl } from "./url";
import { USER_AGENT } from "../version";

/**
 * What a caller wants back: parsed JSON (the default), text, bytes, or a stream to pipe.
 * `jsonText` is a JSON answer left as text for the caller to parse when it suits it (with
 * {@link parseJsonAnswer}): a paged query asks for its next page before parsing the one that
 * came. An answer that is an ArcGIS error is still found and thrown (renewing a login first).
 */
export type ResponseKind = "json" | "jsonText" | "text" | "buffer" | "stream";

export interface RequestOptions {
  /** POST by default; GET for reads that are safe to cache (turned into POST past 2,000 chars). */
  method?: "GET" | "POST";
  /** Send the token if the target may receive it (default true). */
  authenticate?: boolean;
  /** May the request be sent again after a transient failure? Defaults to true for GET only. */
  idempotent?: boolean;
  /** Some operations want the token as a `token` parameter rather than the header. */
  tokenInParams?: boolean;
  files?: Record<string, FilePart>;
  responseKind?: ResponseKind;
  /** The `f` parameter; `null` sends none. Defaults to "json". */
  format?: string | null;
  timeoutMs?: number;
  /** Cancels the request (and its retries), e.g. when a paged search already failed. */
  signal?: AbortSignal;
}

export interface SessionOptions extends TransportOptions {
  portalUrl: string;
  timeoutMs: number;
  retry?: RetryPolicy;
  userAgent?: string;
}

type ResponseValue<K extends ResponseKind> = K extends "text" | "jsonText"
  ? string
  : K extends "buffer"
    ? Buffer
    : K extends "stream"
      ? Readable
      : unknown;

const MAX_GET_URL_LENGTH = 2000;
const MAX_REDIRECTS = 5;
const TOKEN_ERROR_CODES = new Set([498, 499]);

/**
 * The one place that speaks HTTP. Every manager goes through `request`, which encodes
 * parameters, attaches the token only where it may go, retries what is safe to retry, renews
 * an expired login once, and turns every failure into an ArcGISError without the token.
 */
export class Session {
  readonly portalUrl: string;
  readonly restUrl: string;
  /** The referer that tokens are bound to (client=referer) and that requests carry. */
  readonly referer = "http";
  auth: Authenticator = new AnonymousAccess();
  readonly tokenScope: TokenScope;
  private httpClient: AxiosInstance | undefined;
  private readonly transport: Transport;
  private readonly retry: RetryPolicy;

  /** What `console.log(session)` shows: the portal and the sign-in scheme, never a secret. */
  [inspect.custom](): string {
    return safeInspect("Session", this.toJSON());
  }

  /**
   * The HTTP client, made on the first request: axios and what it pulls in are about half of
   * what `import "tsgis"` would otherwise load, and a notebook imports before it connects.
   */
  private get http(): AxiosInstance {
    if (!this.httpClient) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const axios = require("axios") as AxiosStatic;
      this.httpClient = axios.create({
        maxRedirects: 0,
        proxy: false,
        validateStatus: () => true,
        maxBodyLength: Infinity,
        maxContentLength: Infinity,
        responseType: "stream",
        headers: { "User-Agent": this.options.userAgent ?? USER_AGENT },
      });
    }
    return this.httpClient;
  }

  toJSON(): SafeDescription {
    return { portalUrl: this.portalUrl, scheme: this.auth.scheme };
  }

  constructor(private readonly options: SessionOptions) {
    this.portalUrl = options.portalUrl;
    this.restUrl = `${options.portalUrl}/sharing/rest`;
    this.transport = new Transport(options);
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.tokenScope = new TokenScope(
      this.portalUrl,
      (infoUrl) =>
        this.request<{ owningSystemUrl?: unknown }>(
          infoUrl,
          {},
          {
            method: "GET",
            authenticate: false,
          },
        ) as Promise<{ owningSystemUrl?: unknown }>,
    );
  }

  /** A URL relative to the Sharing REST root (`content/items/x`) or absolute. */
  resolve(url: string): string {
    if (/^https?:\/\//i.test(url)) return url;
    return `${this.restUrl}/${url.replace(/^\/+/, "")}`;
  }

  async get<T = unknown>(url: string, params: RequestParams = {}, options: RequestOptions = {}) {
    return (await this.request(url, params, { ...options, method: "GET" })) as T;
  }

  async post<T = unknown>(url: string, params: RequestParams = {}, options: RequestOptions = {}) {
    return (await this.request(url, params, { ...options, method: "POST" })) as T;
  }

  async request<T = unknown, K extends ResponseKind = "json">(
    url: string,
    params: RequestParams = {},
    options: RequestOptions & { responseKind?: K } = {},
  ): Promise<K extends "json" ? T : ResponseValue<K>> {
    const target = this.resolve(url);
    const method = options.method ?? "POST";
    const idempotent = (options.idempotent ?? method === "GET") && isReplayable(options.files);
    const sendToken =
      options.authenticate !== false && (await this.tokenScope.mayReceiveToken(target));
    const allParams: RequestParams =
      options.format === null ? { ...params } : { f: options.format ?? "json", ...params };

    let renewedLogin = false;
    for (let attempt = 1; ; attempt++) {
      options.signal?.throwIfAborted();
      const token = sendToken ? await this.tokenScope.tokenFor(target, this) : undefined;
      const kind: ResponseKind = options.responseKind ?? "json";
      let response: AxiosResponse<Readable>;
      let outcome: ReadOutcome;
      try {
        response = await this.send(target, method, allParams, token, options);
        if (isRetryableStatus(response.status) && idempotent && attempt < this.retry.maxAttempts) {
          response.data.resume();
          await sleep(retryDelayMs(this.retry, attempt, headerText(response, "retry-after")));
          continue;
        }
        // The body is read inside the try: a connection cut after the headers is as transient
        // as one cut before them.
        outcome = await readResponse(response, kind, target);
      } catch (error) {
        // A refused Windows sign-in is the server's answer, not a network failure.
        if (error instanceof ArcGISError) throw error;
        options.signal?.throwIfAborted();
        const { code, message } = describeNetworkError(error);
        if (
          idempotent &&
          attempt < this.retry.maxAttempts &&
          isRetryableNetworkError(code, message)
        ) {
          await sleep(retryDelayMs(this.retry, attempt, undefined));
          continue;
        }
        throw networkFailure(target, code, message);
      }

      const status = response.status;
      if (outcome.error) {
        const code = outcome.error.code ?? status;
        if (TOKEN_ERROR_CODES.has(Number(code)) && token !== undefined && !renewedLogin) {
          renewedLogin = true;
          // A federated server's token is simply exchanged again; the portal's means a new login.
          if (this.tokenScope.forgetServerToken(token) || (await this.auth.renew(this, token))) {
            continue;
          }
        }
        throw new ArcGISError(outcome.error, target, status);
      }
      return outcome.value as K extends "json" ? T : ResponseValue<K>;
    }
  }

  close(): void {
    this.transport.close();
  }

  private async send(
    target: string,
    method: "GET" | "POST",
    params: RequestParams,
    token: string | undefined,
    options: RequestOptions,
  ): Promise<AxiosResponse<Readable>> {
    const headers: Record<string, string> = { Referer: this.referer };
    const finalParams = { ...params };
    if (token !== undefined) {
      if (options.tokenInParams) finalParams.token = token;
      else headers["X-Esri-Authorization"] = `Bearer ${token}`;
    }

    let url = target;
    for (let redirects = 0; ; redirects++) {
      let response = await this.sendOnce(url, method, finalParams, headers, options);
      const webTier = this.auth.webTier;
      if (response.status === 401 && webTier) {
        response = await answerChallenge(
          webTier,
          response,
          url,
          (authorization, agents) =>
            this.sendOnce(
              url,
              method,
              finalParams,
              { ...headers, Authorization: authorization },
              options,
              agents,
            ),
          () => this.transport.dedicatedAgents(),
        );
      }
      const location = headerText(response, "location");
      if (
        response.status < 300 ||
        response.status >= 400 ||
        !location ||
        redirects >= MAX_REDIRECTS
      ) {
        return response;
      }
      response.data.resume();
      url = new URL(location, url).toString();
      // A redirect can point anywhere: the new host gets the token meant for it (the portal's,
      // a federated server's own) or none at all.
      if (token !== undefined) {
        const next = await this.tokenScope.tokenFor(url, this);
        delete headers["X-Esri-Authorization"];
        delete finalParams.token;
        if (next !== undefined && options.tokenInParams) finalParams.token = next;
        else if (next !== undefined) headers["X-Esri-Authorization"] = `Bearer ${next}`;
      }
    }
  }

  private async sendOnce(
    url: string,
    method: "GET" | "POST",
    params: RequestParams,
    headers: Record<string, string>,
    options: RequestOptions,
    agentsForHandshake?: Agents,
  ): Promise<AxiosResponse<Readable>> {
    const agents = agentsForHandshake ?? this.transport.agentsFor(url);
    const timeout = options.timeoutMs ?? this.options.timeoutMs;
    const signal = options.signal;
    const encoded = encodeParams(params);
    const query = new URLSearchParams(encoded).toString();
    const getUrl = query ? `${url}${url.includes("?") ? "&" : "?"}${query}` : url;

    if (method === "GET" && !options.files && getUrl.length <= MAX_GET_URL_LENGTH) {
      return this.http.get<Readable>(getUrl, { ...agents, headers, timeout, signal });
    }
    if (options.files) {
      const form = buildMultipartBody(params, options.files);
      const length = await knownLength(form);
      const formHeaders: Record<string, string | number> = { ...headers, ...form.getHeaders() };
      if (length !== undefined) formHeaders["Content-Length"] = length;
      return this.http.post<Readable>(url, form, {
        ...agents,
        headers: formHeaders,
        timeout,
        signal,
      });
    }
    return this.http.post<Readable>(url, query, {
      ...agents,
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      timeout,
      signal,
    });
  }
}

interface ReadOutcome {
  value?: unknown;
  error?: ArcGISErrorBody;
}

/** Reads a response in the shape the caller asked for, finding ArcGIS errors in any of them. */
async function readResponse(
  response: AxiosResponse<Readable>,
  kind: ResponseKind,
  url: string,
): Promise<ReadOutcome> {
  const status = response.status;
  const contentType = headerText(response, "content-type") ?? "";
  const looksLikeJson = /json|text\/plain/i.test(contentType);

  if (kind === "stream" && status < 400 && !looksLikeJson) return { value: response.data };

  // JSON and text are decoded as they arrive: a page of a query is a few hundred kilobytes, and
  // joining its bytes first would copy all of it into fresh memory once more.
  const body =
    kind === "json" || kind === "jsonText" || kind === "text"
      ? await readText(response.data)
      : await readAll(response.data);
  if (kind === "jsonText" && status < 400 && typeof body === "string" && !ERROR_ANSWER.test(body)) {
    return { value: body };
  }
  if (kind === "json" || kind === "jsonText" || looksLikeJson || status >= 400) {
    const text = typeof body === "string" ? body : body.toString("utf8");
    const parsed = tryParseJson(text);
    const error = findErrorBody(parsed);
    if (error) return { error };
    if (status >= 400) {
      return {
        error: { code: status, message: `HTTP ${status} ${response.statusText || ""}`.trim() },
      };
    }
    if (kind === "json") {
      return parsed === undefined ? { error: notJson(text, status, url) } : { value: parsed };
    }
  }
  if (typeof body === "string") return { value: body };
  if (kind === "buffer") return { value: body };
  return { value: Readable.from([body]) };
}

/** How every ArcGIS error answer begins: an object whose first member is `error`. */
const ERROR_ANSWER = /^\s*\{\s*"error"\s*:/;

/**
 * Parses an answer read as `jsonText`. Throws ArcGISError when it is not JSON, or when it is an
 * error answer that did not start with its `error` member (those that do are thrown by the
 * request itself).
 */
export function parseJsonAnswer<T>(text: string, url: string): T {
  const parsed = tryParseJson(text);
  if (parsed === undefined) throw new ArcGISError(notJson(text, 200, url), url, 200);
  const error = findErrorBody(parsed);
  if (error) throw new ArcGISError(error, url, 200);
  return parsed as T;
}

function notJson(text: string, status: number, url: string): ArcGISErrorBody {
  const snippet = text.slice(0, 120).replace(/\s+/g, " ");
  return {
    code: status,
    message: `Expected JSON from ${removeTokenFromUrl(url)}, got: ${snippet}`,
  };
}

function findErrorBody(parsed: unknown): ArcGISErrorBody | undefined {
  if (!parsed || typeof parsed !== "object") return undefined;
  const error = (parsed as { error?: unknown }).error;
  if (!error || typeof error !== "object") return undefined;
  return error as ArcGISErrorBody;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readText(stream: Readable): Promise<string> {
  const decoder = new StringDecoder("utf8");
  let text = "";
  for await (const chunk of stream)
    text += decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return text + decoder.end();
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function headerText(response: AxiosResponse, name: string): string | undefined {
  const value = response.headers[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value[0] : String(value);
}

/** Only the code and message of a network error: axios errors hold the request body. */
function describeNetworkError(error: unknown): { code: string | undefined; message: string } {
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return {
      code: typeof code === "string" ? code : undefined,
      message: typeof message === "string" ? message : String(error),
    };
  }
  return { code: undefined, message: String(error) };
}

function networkFailure(url: string, code: string | undefined, message: string): Error {
  const failure = new Error(`Could not reach ${removeTokenFromUrl(url)}: ${message}`);
  (failure as Error & { code?: string }).code = code;
  return failure;
}
