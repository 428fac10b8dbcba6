/**
 * Parameters whose values are secrets: every password (password, newPassword, …), every token
 * (token, refresh_token, user_token, serverToken, …), secrets, security answers, API keys and
 * the OAuth code and its verifier. Matched on the whole name, case-insensitively.
 */
const SECRET_NAME = /password|token|secret|answer|api_?key|^code$|code_verifier|^key$/i;

/** The URL with secret parameter values replaced, safe to log. */
export function redactUrl(url: string): string {
  return url.replace(/([?&;])([^=&;#]*)=([^&;#]*)/g, (whole, separator: string, name: string) =>
    SECRET_NAME.test(safeDecode(name)) ? `${separator}${name}=***` : whole,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
