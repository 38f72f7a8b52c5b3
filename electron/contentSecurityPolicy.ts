/**
 * The Content Security Policy of the renderer. One policy for both hosts: the Electron shell's
 * app:// protocol and the browser host send the same header (and renderer/index.html repeats it,
 * without frame-ancestors, which a <meta> policy cannot carry).
 * It lives with the services, not the shell, so the browser host never imports shell code.
 *
 * No 'unsafe-inline' anywhere: the stylesheet is a file (Vite's build), and what React and
 * Lexical set at run time (a word-count bar's width, list indents, text alignment) goes
 * through the CSSOM (element.style.setProperty), which style-src does not govern. Pasted HTML
 * keeps its style attributes only as strings in an inert DOMParser document (pasteCleaning.ts
 * reads them with getAttribute). The end-to-end tests fail on any CSP violation
 * (tests/e2e/fixtures.ts), so an inline style that creeps in is caught.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
