import type { Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { MarkNode } from '@lexical/mark';
import { ImageNode } from './ImageNode.js';
import { SuggestionNode } from './SuggestionNode.js';

/**
 * The Lexical node classes a section may contain, one list for the editor, the exporter
 * (headless editor) and word counting, so they can never disagree about what a section
 * holds. Their `getType()` names are exactly KNOWN_NODE_TYPES minus the built-in ones
 * (root, paragraph, text, linebreak, tab), which a unit test checks.
 */
export const SECTION_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  ImageNode,
  // Review: comment anchors (@lexical/mark, ids = thread ids) and inline suggested changes.
  MarkNode,
  SuggestionNode,
];

/** Heading tags allowed inside a section: the section title is the level above (H1). */
export const SECTION_HEADING_TAGS = ['h2', 'h3', 'h4'] as const;
export type SectionHeadingTag = (typeof SECTION_HEADING_TAGS)[number];
