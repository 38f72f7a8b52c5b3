import { createRoot } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import { editorTheme } from '../../renderer/editor/theme.js';
import '../../renderer/editor/editor.css';

/**
 * The "bare Lexical" page of the editor benchmark: one LexicalComposer with the rich-text
 * plugin, the same node list, theme and content styles as the app, and nothing else (no
 * toolbar, history, lists/links/tables plugins, save tracking or React app around it). The
 * app's typing latency is compared against this.
 */
async function main() {
  const content = await (await fetch('./content.json')).json();
  createRoot(document.getElementById('root')!).render(
    <LexicalComposer
      initialConfig={{
        namespace: 'bare',
        nodes: [...SECTION_NODES],
        theme: editorTheme,
        onError: (e) => console.error(e),
        editorState: (editor) => editor.setEditorState(editor.parseEditorState(content)),
      }}
    >
      <div className="ed-shell" style={{ maxWidth: 940, margin: '1rem auto' }}>
        <div className="ed-surface">
          <RichTextPlugin contentEditable={<ContentEditable className="ed-content" data-bare-editor="" aria-label="Bare editor" />} ErrorBoundary={LexicalErrorBoundary} />
        </div>
      </div>
    </LexicalComposer>,
  );
}
void main();
