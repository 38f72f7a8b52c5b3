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
      if (!win) return reject(new Error('The pages could not be prepared for printing.'));
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
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
