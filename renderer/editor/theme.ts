import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the DOM it creates; styled in editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  quote: 'ed-quote',
  heading: { h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
    subscript: 'ed-sub',
    superscript: 'ed-sup',
  },
  table: 'ed-table',
  tableRow: 'ed-tr',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  tableSelection: 'ed-table-selection',
  tableCellSelected: 'ed-td-selected',
  tableScrollableWrapper: 'ed-table-scroll',
  image: 'ed-image',
  indent: 'ed-indent',
};
