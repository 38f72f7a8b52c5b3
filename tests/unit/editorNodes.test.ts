import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import { KNOWN_NODE_TYPES } from '../../shared/richtext/nodeTypes.js';
import { wordCountOf } from '../../shared/richtext/wordCount.js';
import { $wordCountOfEditor } from '../../renderer/editor/liveWordCount.js';
import { packSchema } from '../../shared/pack/schema.js';
import { makeReferencePack, longestSectionIndex } from '../support/referencePack.js';
import { checkLinkUrl } from '../../renderer/editor/urls.js';
import { isEmbeddablePicture } from '../../shared/richtext/ImageNode.js';
import { MAX_IMAGE_BYTES } from '../../shared/richtext/nodeTypes.js';

function headless() {
  return createHeadlessEditor({ nodes: [...SECTION_NODES], onError: (e) => { throw e; } });
}

describe('section node list', () => {
  it('registers exactly the node types the exporter knows (besides Lexical built-ins)', () => {
    const builtIn = ['root', 'paragraph', 'text', 'linebreak', 'tab'];
    const types = SECTION_NODES.map((klass) => klass.getType()).sort();
    expect(types).toEqual(KNOWN_NODE_TYPES.filter((t) => !builtIn.includes(t)).slice().sort());
  });

  it('round-trips an image node with the JSON shape the exporter expects', () => {
    const editor = headless();
    const json = {
      root: {
        type: 'root', version: 1, direction: null, format: '', indent: 0,
        children: [{ type: 'image', version: 1, src: 'data:image/png;base64,iVBORw0KGgo=', altText: 'Chart of jobs', width: 320, height: 200 }],
      },
    };
    editor.setEditorState(editor.parseEditorState(json as never));
    const out = editor.getEditorState().toJSON() as unknown as typeof json;
    expect(out.root.children[0]).toEqual(json.root.children[0]);
  });
});

describe('reference pack', () => {
  const pack = makeReferencePack();

  it('is a valid pack of five gamechanger sections (plus summary and recommendations), about 55,000 words, deterministic', () => {
    expect(packSchema.safeParse(pack).success).toBe(true);
    expect(pack.sections.filter((s) => s.gamechangerId)).toHaveLength(5);
    expect(pack.sections).toHaveLength(7);
    const total = pack.sections.reduce((sum, s) => sum + wordCountOf(s.content), 0);
    expect(total).toBeGreaterThan(53_000);
    expect(total).toBeLessThan(57_000);
    expect(JSON.stringify(makeReferencePack())).toBe(JSON.stringify(pack));
    const types = new Set(JSON.stringify(pack).match(/"type":"[a-z]+"/g));
    for (const t of ['heading', 'list', 'listitem', 'table', 'tablecell']) expect(types.has(`"type":"${t}"`)).toBe(true);
    expect(pack.sections[longestSectionIndex(pack)]!.gamechangerId).toBe('connectivity');
  });

  it('loads in Lexical and the editor word count agrees with the shared counter', () => {
    for (const section of pack.sections) {
      const editor = headless();
      editor.setEditorState(editor.parseEditorState(section.content as never));
      const live = editor.getEditorState().read($wordCountOfEditor);
      expect(live).toBe(wordCountOf(section.content));
      // And what Lexical writes back counts the same.
      expect(wordCountOf(editor.getEditorState().toJSON() as never)).toBe(live);
    }
  });
});

describe('link addresses', () => {
  it('accepts web and email addresses and refuses other schemes in plain English', () => {
    expect(checkLinkUrl('https://www.gov.uk/levelling-up')).toEqual({ ok: true, url: 'https://www.gov.uk/levelling-up' });
    expect(checkLinkUrl('www.sefton.gov.uk')).toEqual({ ok: true, url: 'https://www.sefton.gov.uk' });
    expect(checkLinkUrl('alex@sefton.gov.uk')).toEqual({ ok: true, url: 'mailto:alex@sefton.gov.uk' });
    const refused = checkLinkUrl('javascript:alert(1)');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/javascript:.*not allowed/);
    expect(checkLinkUrl('file:///etc/passwd').ok).toBe(false);
    expect(checkLinkUrl('').ok).toBe(false);
  });
});

describe('embedded pictures', () => {
  it('accepts PNG/JPEG data URLs within the size cap only', () => {
    expect(isEmbeddablePicture('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isEmbeddablePicture('data:image/jpeg;base64,/9j/4AAQ')).toBe(true);
    expect(isEmbeddablePicture('https://example.com/a.png')).toBe(false);
    expect(isEmbeddablePicture('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isEmbeddablePicture('file:///C:/clip_image001.png')).toBe(false);
    const tooBig = 'A'.repeat(Math.ceil((MAX_IMAGE_BYTES + 10) / 3) * 4);
    expect(isEmbeddablePicture(`data:image/png;base64,${tooBig}`)).toBe(false);
  });
});
