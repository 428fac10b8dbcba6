import { inspect } from "node:util";

/** The harmless facts a credential-holding object may show: never a token, password or key. */
export type SafeDescription = Readonly<Record<string, string | number | boolean | undefined>>;

export function safeInspect(name: string, description: SafeDescription): string {
  const parts = Object.entries(description)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}:${typeof value === "string" ? JSON.stringify(value) : value}`);
  return `<${[name, ...parts].join(" ")}>`;
}

/**
 * Base of every object that holds a secret (sign-ins, tokens): `console.log`, `util.inspect`
 * (even with showHidden) and `JSON.stringify` print only what {@link describe} names, so a
 * notebook that shows one never prints its password or token.
 */
export abstract class SafeCredentials {
  [inspect.custom](): string {
    return safeInspect(this.constructor.name, this.describe());
  }

  toJSON(): SafeDescription {
    return this.describe();
  }

  /** Subclasses name their public, non-secret fields: scheme, username, client id. */
  protected describe(): SafeDescription {
    const self = this as unknown as { scheme?: string; username?: string; clientId?: string };
    return { scheme: self.scheme, username: self.username, clientId: self.clientId };
  }
}
