import { ArcGISIdentityManager } from "@esri/arcgis-rest-request";
import { GIS } from "tsgis";
import type { RunInput } from "../lib/case-types";

/** The portal and credentials every side receives in its input. */
export interface Credentials {
  url: string;
  username: string;
  password: string;
}

export function credentialsOf(input: RunInput): Credentials {
  const { url, username, password } = input;
  if (typeof url !== "string" || typeof username !== "string" || typeof password !== "string") {
    throw new TypeError("input: expected url, username and password");
  }
  return { url, username, password };
}

export function connectTsgis(input: RunInput): Promise<GIS> {
  const { url, username, password } = credentialsOf(input);
  return GIS.connect({ url, username, password, setActive: false });
}

/** rest-js's documented sign-in for scripts: ArcGISIdentityManager.signIn. */
export function signInRestJs(input: RunInput): Promise<ArcGISIdentityManager> {
  const { url, username, password } = credentialsOf(input);
  return ArcGISIdentityManager.signIn({ username, password, portal: `${url}/sharing/rest` });
}

/** A token from generateToken with nothing but fetch, for the bare-HTTP floor. */
export async function bareToken(input: RunInput): Promise<string> {
  const { url, username, password } = credentialsOf(input);
  const response = await fetch(`${url}/sharing/rest/generateToken`, {
    method: "POST",
    body: new URLSearchParams({
      f: "json",
      username,
      password,
      client: "referer",
      referer: "http://localhost",
    }),
  });
  const body = (await response.json()) as { token?: string };
  if (typeof body.token !== "string")
    throw new Error("generateToken refused the bench credentials");
  return body.token;
}

export function stringList(input: RunInput, name: string): string[] {
  const value = input[name];
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) {
    throw new TypeError(`input.${name}: expected a list of strings`);
  }
  return value;
}

export function stringField(input: RunInput, name: string): string {
  const value = input[name];
  if (typeof value !== "string") throw new TypeError(`input.${name}: expected a string`);
  return value;
}
