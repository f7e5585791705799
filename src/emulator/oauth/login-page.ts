/** Escapes text for HTML. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The emulator's minimal hosted-UI sign-in page: a form that posts `_csrf`, `username` and `password` back to the same
 * URL (query kept), like Cognito's classic hosted UI. `error` is shown above the form.
 */
export function loginPageHtml(action: string, csrf: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signin</title></head>
<body>
<h1>Sign in with your username and password</h1>
${error ? `<p id="loginErrorMessage" class="error">${esc(error)}</p>\n` : ''}<form name="cognitoSignInForm" method="post" action="${esc(action)}">
<input type="hidden" name="_csrf" value="${esc(csrf)}">
<label for="signInFormUsername">Username</label>
<input id="signInFormUsername" name="username" type="text" autocapitalize="none" required>
<label for="signInFormPassword">Password</label>
<input id="signInFormPassword" name="password" type="password" required>
<input name="signInSubmitButton" type="submit" value="Sign in">
</form>
</body></html>
`;
}
