/**
 * The Content Security Policy of the renderer. One policy for both hosts: the Electron shell's
 * app:// protocol and the browser host send the same header (and renderer/index.html repeats it).
 * It lives with the services, not the shell, so the browser host never imports shell code.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
