import type { ClientCertificate } from "./tls/certificates";

export interface PortalOptions {
  /** TCP port; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /** Interface to listen on; default "127.0.0.1". */
  host?: string;
  /** Data directory. Omitted: a fresh temporary directory, deleted on close. */
  data?: string;
  /** Creates this organisation administrator if no user of that name exists. */
  admin?: { username: string; password: string };
  /** Seeds the demo organisation (users admin, publisher, user; see docs/portal.md). */
  demo?: boolean;
  /** Serve HTTPS with the portal's own CA. Client certificates are requested unless disabled. */
  tls?: boolean | { requestClientCert?: boolean };
  /** Milliseconds added before every response. */
  latency?: number;
  /** Probability (0..1) that a request fails with a 503, a 429 or a cut connection. */
  faultRate?: number;
  /** Longest token life generateToken grants, in seconds (default two weeks). */
  tokenLifetimeSeconds?: number;
  /**
   * Which ArcGIS the portal answers as: "enterprise" (the default; portals/self says
   * `isPortal: true` and `/portaladmin` is served) or "online" (`isPortal: false`, credits and
   * usage reports, no `/portaladmin`).
   */
  deployment?: "enterprise" | "online";
  /** Log requests (tokens and passwords redacted) to stdout. */
  log?: boolean;
}

export interface PortalTls {
  /** The portal CA's certificate, for clients to trust. */
  readonly caCertPem: string;
  /** A client certificate signed by the portal CA; with CN = a username it signs that user in. */
  issueClientCertificate(commonName: string, opts?: { pfxPassword?: string }): ClientCertificate;
}

export interface RunningPortal {
  /** The portal's root, e.g. "http://127.0.0.1:PORT"; the REST API is at `${url}/sharing/rest`. */
  readonly url: string;
  readonly port: number;
  /** The data directory in use (a temporary one unless `data` was given). */
  readonly dataDir: string;
  close(): Promise<void>;
  /** Test hook: every token issued so far is expired; its next use gets error 498. */
  expireAllTokens(): void;
  /** Every route with the access policy it declared (null: none, which the tests refuse). */
  routes(): readonly {
    readonly method: string;
    readonly url: string;
    readonly access: { readonly name: string; readonly privileges: readonly string[] } | null;
  }[];
  /** Changes latency and fault rate while running. */
  setFaults(faults: { latency?: number; faultRate?: number }): void;
  readonly tls?: PortalTls;
}
