import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5';

/**
 * Pasted HTML as a DOM document, parsed so that the page's Content Security Policy has
 * nothing to report. Chromium checks the policy while it parses, in any document of the
 * page (DOMParser, <template>, createHTMLDocument): every style attribute, <style> element
 * and inline event handler of the pasted HTML is blocked and reported as a violation, even
 * though none of it would ever run or be shown. So parse5 (the HTML parser of the spec)
 * reads the HTML first, outside the DOM: inline handlers and <style> elements are dropped
 * (cleanPastedHtml drops them anyway), and each style attribute, which the cleaner reads for
 * Word's lists and for bold or italic given as style, moves to `data-pasted-style`. Then the
 * browser parses what is left, with nothing to block.
 */
export const PASTED_STYLE = 'data-pasted-style';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

function defuse(parent: ParentNode): void {
  parent.childNodes = parent.childNodes.filter((node: Node) => !('tagName' in node && node.tagName === 'style'));
  for (const node of parent.childNodes) {
    if (!('tagName' in node)) continue;
    node.attrs = node.attrs.filter((a) => !/^on/i.test(a.name)).map((a) => (a.name.toLowerCase() === 'style' ? { name: PASTED_STYLE, value: a.value } : a));
    defuse(node);
    if (node.tagName === 'template') defuse((node as DefaultTreeAdapterMap['template']).content);
  }
}

export function parseInertHtml(html: string): Document {
  const tree = parse(html);
  defuse(tree);
  return new DOMParser().parseFromString(serialize(tree), 'text/html');
}
