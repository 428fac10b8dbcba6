import fs from "node:fs";
import path from "node:path";
import {
  AnonymousAccess,
  BuiltinLogin,
  ClientCertificateAccess,
  ExistingToken,
  type Authenticator,
} from "./session/auth";
import { AppLogin } from "./session/app-login";
import { WebTierAuth } from "./session/iwa/web-tier";
import { OAuthCodeLogin } from "./session/oauth";
import type { ClientCertificate } from "./session/transport";
import { isLoopbackHost, normalizePortalUrl } from "./session/url";
import type { GISOptions } from "./connect-options";
import type { GIS } from "./gis";
import { canPromptForInput, promptForInput } from "./jupyter/input";
import { resolveProfile, saveProfile } from "./profiles/profile-sign-in";

export interface SignIn {
  auth: Authenticator;
  clientCertificate?: ClientCertificate;
}

/** Everything `GIS.connect` needs before its first request, and what to do after it worked. */
export interface PreparedSignIn {
  /** The options after a profile filled them in. */
  options: GISOptions;
  portalUrl: string;
  signIn: SignIn;
  /** Saves the credentials given with `profile` once the portal accepted them. */
  afterConnect(gis: GIS): Promise<void>;
}

/**
 * Resolves a profile, asks for a missing password in the notebook, and picks the scheme. No
 * request is sent here except what a scheme's own sign-in needs.
 */
export async function prepareSignIn(given: GISOptions): Promise<PreparedSignIn> {
  const { options, toSave } = await resolveProfile(given);
  const portalUrl = normalizePortalUrl(options.url);
  const withPassword = await promptForMissingPassword(options, portalUrl);
  const signIn = chooseSignIn(withPassword, portalUrl);
  attachWebTier(signIn.auth, withPassword);
  return {
    options: withPassword,
    portalUrl,
    signIn,
    afterConnect: async () => {
      if (!toSave || options.profile === undefined) return;
      // A password typed at the prompt is saved with the profile too, as Python's does, so the
      // next `GIS.connect({ profile })` signs in without asking.
      const typed = options.password === undefined ? withPassword.password : undefined;
      await saveProfile(options.profile, { ...toSave, ...(typed ? { password: typed } : {}) });
    },
  };
}

/**
 * Integrated Windows Authentication sits in front of every scheme but PKI: a portal behind IIS
 * challenges each request, answered with the user's Kerberos ticket, or with NTLM when a
 * username and password were given (as Python does with requests-negotiate and requests-ntlm).
 */
function attachWebTier(auth: Authenticator, options: GISOptions): void {
  if (auth.scheme === "pki") return;
  const credentials =
    auth.scheme === "builtin" && options.username !== undefined && options.password !== undefined
      ? { username: options.username, password: options.password }
      : undefined;
  auth.webTier = new WebTierAuth(credentials);
}

/** As Python's getpass in a notebook: only in the tsgis kernel, when the front end allows input. */
async function promptForMissingPassword(
  options: GISOptions,
  portalUrl: string,
): Promise<GISOptions> {
  const wantsPassword =
    options.username !== undefined &&
    options.password === undefined &&
    options.clientId === undefined &&
    options.certFile === undefined;
  if (!wantsPassword || !canPromptForInput()) return options;
  // Refuse an unsafe URL before the user types a password that could not be sent anyway.
  requireSafeTransport(portalUrl);
  const password = await promptForInput(`Enter password for ${options.username}: `, {
    password: true,
  });
  return { ...options, password };
}

const DEFAULT_TOKEN_MINUTES = 60;

/** Picks the sign-in scheme from the options, as the Python constructor does, before any request. */
export function chooseSignIn(options: GISOptions, portalUrl: string): SignIn {
  if (options.clientSecret !== undefined && options.clientId === undefined) {
    throw new Error(`clientId: a clientSecret was given without the app's clientId`);
  }
  if (options.clientId !== undefined) return { auth: chooseOAuth(options, options.clientId) };
  if (options.certFile !== undefined || options.keyFile !== undefined) {
    return {
      auth: new ClientCertificateAccess({
        certFile: options.certFile,
        keyFile: options.keyFile,
        password: options.password,
      }),
      clientCertificate: readClientCertificate(options),
    };
  }
  if (options.username !== undefined) {
    if (options.password === undefined) {
      throw new Error(
        `password: a password is required to sign in as "${options.username}". ` +
          `Pass { username, password }, save it in a profile, set TSGIS_PASSWORD with a profile, ` +
          `or run the call in the tsgis kernel to be prompted for it.`,
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

/**
 * OAuth with a client id: an app login when the secret is given, otherwise the user approves
 * the app in a browser and pastes the code into the notebook, as with the Python API.
 */
function chooseOAuth(options: GISOptions, clientId: string): Authenticator {
  const minutes = options.expiration ?? DEFAULT_TOKEN_MINUTES;
  if (options.clientSecret !== undefined) {
    return new AppLogin(clientId, options.clientSecret, minutes);
  }
  if (!canPromptForInput()) {
    throw new Error(
      `clientId: OAuth sign-in shows you a URL to approve the app and asks for the code it ` +
        `gives, which needs the tsgis kernel (a notebook that accepts input). In a script, ` +
        `pass clientSecret for an app login, or username and password.`,
    );
  }
  return new OAuthCodeLogin(clientId, askForCodeInNotebook);
}

async function askForCodeInNotebook(authorizeUrl: string): Promise<string> {
  console.log(
    `Sign in to approve this notebook's access, then paste the code that the page shows:\n${authorizeUrl}`,
  );
  return promptForInput("Enter the code shown after you sign in: ");
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
