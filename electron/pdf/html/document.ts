import type { Branding } from '../../../shared/branding/schema.js';
import { escapeHtml } from './escape.js';
import { baseCss, pageRules, type PageStyle } from './pageStyles.js';

/**
 * A whole HTML document for the PDF engine or the printer: en-GB, the title that PDF readers
 * show in their window title, the style sheet with every page style, and no script at all.
 */
export function htmlDocument(input: { title: string; body: string; pages: readonly PageStyle[]; branding: Branding }): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(input.title)}</title>
<style>
${baseCss(input.branding)}
${pageRules(input.pages)}
</style>
</head>
<body>
${input.body}</body>
</html>
`;
}
