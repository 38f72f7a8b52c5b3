import {
  $applyNodeReplacement,
  ElementNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

/**
 * A suggested change inside a block (Word's tracked change, Google Docs' suggestion): the
 * inserted or deleted text is wrapped in this inline element, carrying the id of its record in
 * `pack.review.suggestions` (who, when). Accepting an insertion unwraps it; rejecting removes
 * it; a deletion the other way round (shared/review/settle.ts does this on JSON, the editor's
 * review plugin on live nodes). Whole blocks use a NodeState instead (blockSuggestion.ts).
 */
export type InlineSuggestionKind = 'insert' | 'delete';

export type SerializedSuggestionNode = Spread<{ suggestionId: string; kind: InlineSuggestionKind }, SerializedElementNode>;

export class SuggestionNode extends ElementNode {
  __suggestionId: string;
  __kind: InlineSuggestionKind;

  static override getType(): string {
    return 'suggestion';
  }

  static override clone(node: SuggestionNode): SuggestionNode {
    return new SuggestionNode(node.__suggestionId, node.__kind, node.__key);
  }

  constructor(suggestionId: string, kind: InlineSuggestionKind, key?: NodeKey) {
    super(key);
    this.__suggestionId = suggestionId;
    this.__kind = kind;
  }

  static override importJSON(json: SerializedSuggestionNode): SuggestionNode {
    return $createSuggestionNode(String(json.suggestionId), json.kind === 'delete' ? 'delete' : 'insert').updateFromJSON(json);
  }

  override exportJSON(): SerializedSuggestionNode {
    return { ...super.exportJSON(), type: 'suggestion', version: 1, suggestionId: this.__suggestionId, kind: this.__kind };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement(this.__kind === 'insert' ? 'ins' : 'del');
    const className = config.theme.suggestion;
    element.className = `${typeof className === 'string' ? className : 'suggestion'} suggestion-${this.__kind}`;
    element.dataset.suggestionId = this.__suggestionId;
    return element;
  }

  override updateDOM(prev: SuggestionNode): boolean {
    // The element name depends on the kind; a new id only changes an attribute.
    return prev.__kind !== this.__kind || prev.__suggestionId !== this.__suggestionId;
  }

  override exportDOM(): DOMExportOutput {
    // Copied to other programs as the text it would be once accepted: deletions drop out.
    const element = document.createElement('span');
    return { element: this.__kind === 'insert' ? element : null };
  }

  getSuggestionId(): string {
    return this.getLatest().__suggestionId;
  }

  getKind(): InlineSuggestionKind {
    return this.getLatest().__kind;
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  // Typing at either edge goes outside: the review plugin decides whether new text joins the
  // suggestion (suggesting mode, same author) or is plain text.
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  override extractWithChild(): boolean {
    return true;
  }
}

export function $createSuggestionNode(suggestionId: string, kind: InlineSuggestionKind): SuggestionNode {
  return $applyNodeReplacement(new SuggestionNode(suggestionId, kind));
}

export function $isSuggestionNode(node: LexicalNode | null | undefined): node is SuggestionNode {
  return node instanceof SuggestionNode;
}
