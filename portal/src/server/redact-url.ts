const SECRET_PARAMS = /([?&](?:token|password|client_secret|refresh_token|code)=)[^&]*/gi;

/** The URL with secret parameter values replaced, safe to log. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, "$1***");
}
