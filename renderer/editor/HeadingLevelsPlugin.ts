import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { SECTION_HEADING_TAGS, type SectionHeadingTag } from '../../shared/richtext/nodes.js';

/**
 * Headings inside a section are H2–H4 (the section title is H1 in the exported document).
 * Whatever creates a heading (markdown "# ", paste from Word, old files), H1 becomes H2 and
 * H5/H6 become H4, so the document outline stays valid for screen-reader users.
 */
export function HeadingLevelsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerNodeTransform(HeadingNode, (node) => {
        const tag = node.getTag();
        if ((SECTION_HEADING_TAGS as readonly string[]).includes(tag)) return;
        const target: SectionHeadingTag = tag === 'h1' ? 'h2' : 'h4';
        const replacement = $createHeadingNode(target);
        replacement.setFormat(node.getFormatType());
        replacement.setIndent(node.getIndent());
        node.replace(replacement, true);
      }),
    [editor],
  );
  return null;
}
