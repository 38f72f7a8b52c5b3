import { NS } from './namespaces.js';

/**
 * The Markup Compatibility step (ISO/IEC 29500-3) that Word applies to a part before it
 * interprets it, done on an xmldom document in place:
 *
 * - `mc:Ignorable="p q"`: attributes and elements of those namespaces that are not understood
 *   are removed (an element listed in `mc:ProcessContent` is replaced by its children instead);
 * - `mc:AlternateContent`: replaced by the children of its first `mc:Choice` whose `Requires`
 *   namespaces are all understood, else of its `mc:Fallback`, else by nothing;
 * - `mc:MustUnderstand="p"` naming a namespace that is not understood is an error;
 * - the `mc:` attributes themselves are removed, as they are not part of the vocabulary.
 *
 * Markup of a namespace that is neither understood nor ignorable is left in place, so the
 * schema validation that follows reports it. Returns the errors found on the way.
 */
export function applyMarkupCompatibility(document: Document, understood: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const root = document.documentElement;
  if (root) processElement(root, { ignorable: new Set(), processContent: new Set() }, understood, errors);
  return errors;
}

interface Scope {
  /** Namespace URIs declared ignorable here or above. */
  ignorable: ReadonlySet<string>;
  /** `uri local` or `uri *` of ignorable elements whose content is kept. */
  processContent: ReadonlySet<string>;
}

const MC_ATTRIBUTES = ['Ignorable', 'ProcessContent', 'MustUnderstand', 'PreserveElements', 'PreserveAttributes'];

/** The prefixes listed in an mc: attribute (or, for Requires, the plain attribute of mc:Choice). */
function prefixesOf(element: Element, name: string): string[] {
  const value = name === 'Requires' ? element.getAttribute('Requires') : element.getAttributeNS(NS.mc, name);
  return value ? value.trim().split(/\s+/) : [];
}

function resolve(element: Element, prefix: string, errors: string[]): string | null {
  const uri = element.lookupNamespaceURI(prefix);
  if (!uri) errors.push(`${element.tagName}: mc: attribute names the prefix “${prefix}”, which is not declared`);
  return uri;
}

function scopeOf(element: Element, outer: Scope, understood: ReadonlySet<string>, errors: string[]): Scope {
  const ignorable = new Set(outer.ignorable);
  for (const prefix of prefixesOf(element, 'Ignorable')) {
    const uri = resolve(element, prefix, errors);
    if (uri) ignorable.add(uri);
  }
  const processContent = new Set(outer.processContent);
  for (const qname of prefixesOf(element, 'ProcessContent')) {
    const [prefix, local] = qname.split(':');
    const uri = prefix && local ? resolve(element, prefix, errors) : null;
    if (uri) processContent.add(`${uri} ${local}`);
  }
  for (const prefix of prefixesOf(element, 'MustUnderstand')) {
    const uri = resolve(element, prefix, errors);
    if (uri && !understood.has(uri)) errors.push(`${element.tagName}: mc:MustUnderstand names ${uri}, which a consumer of ISO/IEC 29500 does not understand`);
  }
  for (const name of MC_ATTRIBUTES) element.removeAttributeNS(NS.mc, name);
  return { ignorable, processContent };
}

function removeIgnoredAttributes(element: Element, scope: Scope, understood: ReadonlySet<string>): void {
  for (const attribute of Array.from(element.attributes)) {
    const ns = attribute.namespaceURI;
    if (ns && ns !== NS.xmlns && !understood.has(ns) && scope.ignorable.has(ns)) element.removeAttributeNode(attribute);
  }
}

/** The branch of an mc:AlternateContent a consumer with `understood` takes, or null. */
function chosenBranch(alternate: Element, understood: ReadonlySet<string>, errors: string[]): Element | null {
  let fallback: Element | null = null;
  for (const child of Array.from(alternate.childNodes)) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (element.namespaceURI !== NS.mc) continue;
    if (element.localName === 'Choice') {
      const requires = prefixesOf(element, 'Requires').map((prefix) => resolve(element, prefix, errors));
      if (requires.length > 0 && requires.every((uri) => uri !== null && understood.has(uri))) return element;
    } else if (element.localName === 'Fallback' && !fallback) {
      fallback = element;
    }
  }
  return fallback;
}

/**
 * Replace `wrapper` by its children. Namespace declarations on the wrapper (and on `via`, the
 * branch the children come from) are copied to each moved element, so prefixes used in their
 * content (xsi:type values, for example) still resolve. Returns the first moved node.
 */
function unwrap(wrapper: Element, via: Element | null): ChildNode | null {
  const parent = wrapper.parentNode!;
  const source = via ?? wrapper;
  const declarations = [...Array.from(wrapper.attributes), ...(via ? Array.from(via.attributes) : [])].filter((a) => a.namespaceURI === NS.xmlns);
  let first: ChildNode | null = null;
  while (source.firstChild) {
    const node = source.firstChild;
    if (node.nodeType === 1) {
      const element = node as Element;
      for (const declaration of declarations) {
        if (!element.hasAttribute(declaration.name)) element.setAttributeNS(NS.xmlns, declaration.name, declaration.value);
      }
    }
    parent.insertBefore(node, wrapper);
    first ??= node;
  }
  parent.removeChild(wrapper);
  return first;
}

function processElement(element: Element, outer: Scope, understood: ReadonlySet<string>, errors: string[]): void {
  const scope = scopeOf(element, outer, understood, errors);
  removeIgnoredAttributes(element, scope, understood);
  let child: ChildNode | null = element.firstChild;
  while (child) {
    let next: ChildNode | null = child.nextSibling;
    if (child.nodeType === 1) {
      const el = child as Element;
      const ns = el.namespaceURI ?? '';
      if (ns === NS.mc && el.localName === 'AlternateContent') {
        // The chosen branch's children take its place and are processed in turn.
        const branch = chosenBranch(el, understood, errors);
        if (branch) next = unwrap(el, branch) ?? next;
        else element.removeChild(el);
      } else if (!understood.has(ns) && scope.ignorable.has(ns)) {
        if (scope.processContent.has(`${ns} ${el.localName}`) || scope.processContent.has(`${ns} *`)) next = unwrap(el, null) ?? next;
        else element.removeChild(el);
      } else {
        processElement(el, scope, understood, errors);
      }
    } else if (child.nodeType === 8 || child.nodeType === 7) {
      element.removeChild(child); // comments and processing instructions carry no content
    }
    child = next;
  }
}
