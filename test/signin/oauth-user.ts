// The person at the keyboard in an OAuth sign-in, played over HTTP: opens the authorize URL,
// fills in the portal's sign-in form, and reads the code off the approval page.
import { GIS } from "tsgis";

/** Registers a new app item of `owner` for the out-of-band redirect; returns its credentials. */
export async function registerNotebookApp(
  portalUrl: string,
  owner: { username: string; password: string },
  appType = "native",
): Promise<{ clientId: string; clientSecret: string; itemId: string }> {
  const gis = await GIS.connect({ url: portalUrl, ...owner, setActive: false });
  try {
    const added = await gis.session.post<{ id: string }>(
      `content/users/${owner.username}/addItem`,
      { title: "Notebook sign-in", type: "Application", tags: "notebook" },
    );
    const registered = await gis.session.post<{ client_id: string; client_secret: string }>(
      "oauth2/registerApp",
      { itemId: added.id, appType, redirect_uris: JSON.stringify(["urn:ietf:wg:oauth:2.0:oob"]) },
    );
    return {
      clientId: registered.client_id,
      clientSecret: registered.client_secret,
      itemId: added.id,
    };
  } finally {
    gis.close();
  }
}

/** The form fields of the sign-in page, hidden ones included. */
export function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = decodeEntities(match[2]);
  }
  return fields;
}

/** Signs in on the page behind `authorizeUrl`; resolves to the response of the form post. */
export async function submitSignIn(
  authorizeUrl: string,
  username: string,
  password: string,
): Promise<Response> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (!html.includes('id="oauth-signin"'))
    throw new Error(`no sign-in form: ${html.slice(0, 200)}`);
  const body = new URLSearchParams({ ...formFields(html), username, password });
  return fetch(new URL("authorize", authorizeUrl), {
    method: "POST",
    body,
    redirect: "manual",
  });
}

/** The whole approval as a user does it; resolves to the code shown on the approval page. */
export async function approveAndCopyCode(
  authorizeUrl: string,
  username: string,
  password: string,
): Promise<string> {
  const response = await submitSignIn(authorizeUrl, username, password);
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) {
    throw new Error(`sign-in was not accepted (HTTP ${response.status})`);
  }
  const approval = await (await fetch(location)).text();
  const code = /<code id="code">([^<]+)<\/code>/.exec(approval)?.[1];
  if (!code) throw new Error("the approval page shows no code");
  return decodeEntities(code);
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}
