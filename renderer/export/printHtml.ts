/**
 * Print a document in the browser host: the pack's print HTML (the same the PDF is made from,
 * so the same pages) in a hidden frame, printed with the browser's own print dialog. The
 * frame goes once printing is done (afterprint), or after a minute at the latest.
 */
export function printHtml(html: string, title: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = `Print: ${title}`;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.dataset.testid = 'print-frame';
    let done = false;
    const cleanUp = () => {
      if (done) return;
      done = true;
      setTimeout(() => frame.remove(), 1000);
    };
    frame.onload = () => {
      const win = frame.contentWindow;
      if (!win || !frame.contentDocument) return reject(new Error('The pages could not be prepared for printing.'));
      applyPrintStyles(win, frame.contentDocument);
      win.addEventListener('afterprint', cleanUp);
      setTimeout(cleanUp, 60_000);
      try {
        win.focus();
        win.print();
        resolve();
      } catch {
        reject(new Error('The browser would not print the pages. Export to PDF and print that instead.'));
      }
    };
    frame.srcdoc = withInertStyles(html);
    document.body.append(frame);
  });
}

/**
 * The frame inherits the page's Content Security Policy, which allows no inline <style>
 * (electron/contentSecurityPolicy.ts). So the print HTML's stylesheets travel in the frame as
 * inert data blocks (a <script> of type text/css is never run), and are applied once it has
 * loaded as a constructed stylesheet: CSSOM, which the policy does not govern. Same CSS, same
 * pages, nothing blocked or reported.
 */
export function withInertStyles(html: string): string {
  return html.replace(/<style\b[^>]*>/gi, '<script type="text/css" data-print-style>').replace(/<\/style\s*>/gi, '</script>');
}

function applyPrintStyles(win: Window, doc: Document): void {
  const css = Array.from(doc.querySelectorAll('script[data-print-style]'), (block) => block.textContent ?? '').join('\n');
  const sheet = new (win as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
}
