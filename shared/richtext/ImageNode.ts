import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { SerializedImageNodeJson } from './nodeTypes.js';
import { checkPictureSource } from './pictures.js';

/**
 * A picture embedded in the pack (Lexical publishes no image node). The picture travels as a
 * data: URL so the pack stays one self-contained file; remote URLs are never loaded.
 *
 * shared/ must not depend on React, so how the node is drawn in the editor is plugged in by
 * the renderer with setImageDecorator(); elsewhere (export, headless word count) it renders
 * nothing and only its JSON matters.
 */
export type SerializedImageNode = Spread<Omit<SerializedImageNodeJson, 'type' | 'version'>, SerializedLexicalNode>;

type ImageDecorator = (node: ImageNode, editor: LexicalEditor) => unknown;
let decorator: ImageDecorator | null = null;

/** The renderer registers the React component that draws (and resizes) images. */
export function setImageDecorator(draw: ImageDecorator): void {
  decorator = draw;
}

/**
 * Only embedded PNG and JPEG pictures within the size cap, whose bytes really are PNG or JPEG,
 * are accepted (from paste or old files), never a remote or other kind of URL: the one
 * picture rule of shared/richtext/pictures.ts.
 */
export function isEmbeddablePicture(src: string): boolean {
  return checkPictureSource(src).ok;
}

export class ImageNode extends DecoratorNode<unknown> {
  __src: string;
  __altText: string;
  __width: number | null;
  __height: number | null;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__src, node.__altText, node.__width, node.__height, node.__key);
  }

  constructor(src: string, altText: string, width: number | null = null, height: number | null = null, key?: NodeKey) {
    super(key);
    this.__src = src;
    this.__altText = altText;
    this.__width = width;
    this.__height = height;
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    return $createImageNode({ src: json.src, altText: json.altText, width: json.width ?? null, height: json.height ?? null });
  }

  override exportJSON(): SerializedImageNode {
    return { type: 'image', version: 1, src: this.__src, altText: this.__altText, width: this.__width, height: this.__height };
  }

  /** Pasted <img> elements survive only when they carry an embedded PNG/JPEG picture. */
  static override importDOM(): DOMConversionMap | null {
    return {
      img: () => ({
        priority: 0,
        conversion: (element: HTMLElement): DOMConversionOutput => {
          const img = element as HTMLImageElement;
          const src = img.getAttribute('src') ?? '';
          if (!isEmbeddablePicture(src)) return { node: null };
          const width = Number(img.getAttribute('width')) || null;
          const height = Number(img.getAttribute('height')) || null;
          return { node: $createImageNode({ src, altText: img.getAttribute('alt') ?? '', width, height }) };
        },
      }),
    };
  }

  override exportDOM(): DOMExportOutput {
    const img = document.createElement('img');
    img.setAttribute('src', this.__src);
    img.setAttribute('alt', this.__altText);
    if (this.__width) img.setAttribute('width', String(this.__width));
    if (this.__height) img.setAttribute('height', String(this.__height));
    return { element: img };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const div = document.createElement('div');
    const className = config.theme.image;
    if (typeof className === 'string') div.className = className;
    return div;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  getSrc(): string {
    return this.__src;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  getSize(): { width: number | null; height: number | null } {
    const latest = this.getLatest();
    return { width: latest.__width, height: latest.__height };
  }

  setAltText(altText: string): this {
    const writable = this.getWritable();
    writable.__altText = altText;
    return writable;
  }

  setSize(width: number | null, height: number | null): this {
    const writable = this.getWritable();
    writable.__width = width;
    writable.__height = height;
    return writable;
  }

  override decorate(editor: LexicalEditor): unknown {
    return decorator ? decorator(this, editor) : null;
  }
}

export function $createImageNode(props: { src: string; altText: string; width?: number | null; height?: number | null }): ImageNode {
  return $applyNodeReplacement(new ImageNode(props.src, props.altText, props.width ?? null, props.height ?? null));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
