import fs from "node:fs";
import path from "node:path";
import {
  AnonymousAccess,
  BuiltinLogin,
  ClientCertificateAccess,
  ExistingToken,
  type Authenticator,
} from "./session/auth";
import type { ClientCertificate } from "./session/transport";
import { isLoopbackHost } from "./session/url";
import type { GISOptions } from "./connect-options";

export interface SignIn {
  auth: Authenticator;
  clientCertificate?: ClientCertificate;
}

const DEFAULT_TOKEN_MINUTES = 60;

/** Picks the sign-in scheme from the options, as the Python constructor does, before any request. */
export function chooseSignIn(options: GISOptions, portalUrl: string): SignIn {
  if (options.profile !== undefined) {
    throw new Error(
      `profile: saved profiles are not supported by this version of tsgis yet; pass url, username and password instead`,
    );
  }
  if (options.clientId !== undefined) {
    throw new Error(
      `clientId: OAuth sign-in is not supported by this version of tsgis yet; pass username and password, or a token`,
    );
  }
  if (options.certFile !== undefined || options.keyFile !== undefined) {
    return {
      auth: new ClientCertificateAccess(),
      clientCertificate: readClientCertificate(options),
    };
  }
  if (options.username !== undefined) {
    if (options.password === undefined) {
      throw new Error(
        `password: a password is required to sign in as "${options.username}". ` +
          `Pass { username, password }, or run the call in the tsgis kernel to be prompted for it.`,
      );
    }
    requireSafeTransport(portalUrl);
    const minutes = options.expiration ?? DEFAULT_TOKEN_MINUTES;
    return { auth: new BuiltinLogin(options.username, options.password, minutes) };
  }
  if (options.password !== undefined) {
    throw new Error(`username: a password was given without a username`);
  }
  if (options.token !== undefined) return { auth: new ExistingToken(options.token) };
  return { auth: new AnonymousAccess() };
}

/** The real API refuses to issue tokens over plain HTTP; say so before the password leaves. */
function requireSafeTransport(portalUrl: string): void {
  const parsed = new URL(portalUrl);
  if (parsed.protocol === "https:" || isLoopbackHost(parsed.hostname)) return;
  throw new Error(
    `url: built-in login sends the password, so it needs https (got ${parsed.origin}); ` +
      `use the https address of the portal`,
  );
}

function readClientCertificate(options: GISOptions): ClientCertificate {
  if (options.certFile === undefined)
    throw new Error(`certFile: PKI needs certFile along with keyFile`);
  const extension = path.extname(options.certFile).toLowerCase();
  if (extension === ".pfx" || extension === ".p12") {
    if (options.password === undefined) {
      throw new Error(`password: the PFX/P12 certificate ${options.certFile} needs its password`);
    }
    return { pfx: readFileNamed(options.certFile, "certFile"), passphrase: options.password };
  }
  if (options.keyFile === undefined) {
    throw new Error(`keyFile: a PEM certificate (certFile) needs its private key in keyFile`);
  }
  return {
    cert: readFileNamed(options.certFile, "certFile"),
    key: readFileNamed(options.keyFile, "keyFile"),
  };
}

function readFileNamed(file: string, argument: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : "cannot be read";
    throw new Error(`${argument}: ${file} ${reason}`);
  }
}
