// The two HTML pages of the authorization code flow: the sign-in form the user approves the app
// with, and the approval page that shows an out-of-band code to copy into the notebook.

export interface SignInPageFields {
  readonly appTitle: string;
  readonly portalName: string;
  /** The authorize request's parameters, carried through the form unchanged. */
  readonly hidden: Record<string, string>;
  readonly username?: string;
  readonly error?: string;
}

export function signInPage(fields: SignInPageFields): string {
  const hidden = Object.entries(fields.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("\n      ");
  const error = fields.error ? `<p id="error" role="alert">${escape(fields.error)}</p>` : "";
  return page(
    `Sign in to ${fields.portalName}`,
    `<h1>Sign in to ${escape(fields.portalName)}</h1>
    <p><strong>${escape(fields.appTitle)}</strong> would like to access your account.</p>
    ${error}
    <form id="oauth-signin" method="post" action="authorize">
      ${hidden}
      <label>Username <input name="username" autocomplete="username" value="${escape(fields.username ?? "")}"></label>
      <label>Password <input name="password" type="password" autocomplete="current-password"></label>
      <button type="submit">Sign in</button>
    </form>`,
  );
}

export function approvalPage(code: string): string {
  return page(
    `SUCCESS code=${code}`,
    `<h1>Sign-in approved</h1>
    <p>Copy this code and paste it where the application asks for it:</p>
    <p><code id="code">${escape(code)}</code></p>`,
  );
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="referrer" content="no-referrer">
    <title>${escape(title)}</title>
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
