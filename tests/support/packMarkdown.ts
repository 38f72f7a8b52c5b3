import type { Pack } from '../../shared/pack/schema.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';

/**
 * The same content as a pack, as Pandoc Markdown, for the export benchmark's baseline
 * (pandoc converting Markdown to .docx). Front-sheet fields, headings, formatting, links,
 * nested lists and pipe tables are all kept so both tools write the same amount of Word.
 */
function inline(nodes: SerializedNodeJson[] | undefined): string {
  let out = '';
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      let text = (node.text ?? '').replace(/([*_`\\[\]|])/g, '\\$1');
      const format = typeof node.format === 'number' ? node.format : 0;
      const lead = text.match(/^\s*/)![0];
      const trail = text.match(/\s*$/)![0];
      text = text.trim();
      if (text && format & 1) text = `**${text}**`;
      if (text && format & 2) text = `*${text}*`;
      out += lead + text + trail;
    } else if (node.type === 'link' || node.type === 'autolink') out += `[${inline(node.children)}](${String(node.url)})`;
    else if (node.type === 'linebreak') out += '\\\n';
    else out += inline(node.children);
  }
  return out;
}

function list(node: SerializedNodeJson, depth: number, lines: string[]): void {
  let n = 1;
  for (const item of node.children ?? []) {
    const nested = (item.children ?? []).filter((c) => c.type === 'list');
    const own = (item.children ?? []).filter((c) => c.type !== 'list');
    if (own.length) lines.push(`${'    '.repeat(depth)}${node.listType === 'number' ? `${n++}.` : '-'} ${inline(own)}`);
    for (const child of nested) list(child, depth + 1, lines);
  }
}

function block(node: SerializedNodeJson, lines: string[]): void {
  switch (node.type) {
    case 'heading':
      lines.push(`${'#'.repeat(Number(String(node.tag).slice(1)) || 2)} ${inline(node.children)}`, '');
      return;
    case 'list':
      list(node, 0, lines);
      lines.push('');
      return;
    case 'table': {
      const rows = (node.children ?? []).map((row) => (row.children ?? []).map((cell) => (cell.children ?? []).map((p) => inline(p.children)).join(' ')));
      if (!rows.length) return;
      lines.push(`| ${rows[0]!.join(' | ')} |`, `|${rows[0]!.map(() => '---').join('|')}|`);
      for (const row of rows.slice(1)) lines.push(`| ${row.join(' | ')} |`);
      lines.push('');
      return;
    }
    case 'quote':
      lines.push(`> ${inline(node.children)}`, '');
      return;
    default:
      lines.push(inline(node.children ?? [node]), '');
  }
}

export function packToMarkdown(pack: Pack): string {
  const sheet = pack.frontSheet;
  const lines = [
    '---',
    `title: "${sheet.title.replace(/"/g, '\\"')}"`,
    `subject: "${sheet.meeting.name}"`,
    'lang: en-GB',
    '---',
    '',
    `**Meeting:** ${sheet.meeting.name}, ${sheet.meeting.date}`,
    '',
    `**Report of:** ${sheet.reportOf}`,
    '',
    `**Lead cabinet member:** ${sheet.leadCabinetMember}`,
    '',
    `**Contact officer:** ${sheet.contactOfficer.name}`,
    '',
    `**Classification:** ${sheet.classification}`,
    '',
  ];
  for (const section of pack.sections) {
    lines.push(`# ${section.title}`, '');
    for (const node of section.content.root.children) block(node, lines);
  }
  return lines.join('\n');
}
