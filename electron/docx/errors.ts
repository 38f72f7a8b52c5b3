import { HostError } from '../../shared/api/errors.js';

/**
 * Why a file could not be read as a Word document. Each reason has one plain-English message
 * (what it is, why it cannot be opened, what to do), written for the person who chose the file.
 */
export type DocxRefusal =
  | 'too-large'
  | 'empty'
  | 'not-docx'
  | 'word-97'
  | 'encrypted'
  | 'macros'
  | 'other-office'
  | 'rtf'
  | 'pdf'
  | 'odt'
  | 'word-xml'
  | 'truncated'
  | 'corrupt'
  | 'zip-bomb';

export class DocxReadError extends HostError {
  constructor(
    readonly reason: DocxRefusal,
    message: string,
  ) {
    super('INVALID_FILE', message);
    this.name = 'DocxReadError';
  }
}

function quoted(fileName: string | undefined): string {
  return fileName ? `“${fileName}”` : 'This file';
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** The message for each refusal. `detail` adds a specific (e.g. which Office program, which part). */
export function refusal(reason: DocxRefusal, fileName?: string, detail: { size?: number; limit?: number; what?: string } = {}): DocxReadError {
  const name = quoted(fileName);
  const saveAsDocx = 'Open it in Word and use File › Save As › Word Document (.docx), then import the new file.';
  const messages: Record<DocxRefusal, string> = {
    'too-large': `${name} is ${megabytes(detail.size ?? 0)}, larger than the ${megabytes(detail.limit ?? 0)} Briefing Studio can bring in. Word files are usually this big because of their pictures: in Word, use File › Compress Pictures (or save a copy without the pictures) and import that.`,
    empty: `${name} is empty (0 bytes), so there is nothing to import. Check you chose the right file.`,
    'not-docx': `${name} is not a Word document. Briefing Studio can import Word documents saved as .docx.`,
    'word-97': `${name} is an older Word document (Word 97–2003, .doc), which Briefing Studio cannot read. ${saveAsDocx}`,
    encrypted: `${name} is protected with a password, so Briefing Studio cannot read it. Open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password, clear the box), save, and import it again.`,
    macros: `${name} is a macro-enabled Word document (.docm). Briefing Studio does not bring in files that contain macros, which can run code. In Word, use File › Save As › Word Document (.docx): the macros are left behind. Then import the new file.`,
    'other-office': `${name} is ${detail.what ?? 'another kind of Office file'}, not a Word document. Briefing Studio can import Word documents (.docx).`,
    rtf: `${name} is a Rich Text Format (.rtf) file, not a Word document. ${saveAsDocx}`,
    pdf: `${name} is a PDF, not a Word document. Briefing Studio cannot take text out of PDFs reliably: import the Word document the PDF was made from, or open the PDF in Word and save it as .docx.`,
    odt: `${name} is an OpenDocument text file (.odt). Save it as a Word document (.docx) in LibreOffice or Word (File › Save As), then import that.`,
    'word-xml': `${name} is a Word XML document (Word 2003 XML or flat XML), not a .docx. ${saveAsDocx}`,
    truncated: `${name} is incomplete: the file ends part of the way through, as happens when a download or copy is interrupted. Copy or download it again and import the new copy.`,
    corrupt: `${name} is damaged and cannot be read${detail.what ? ` (${detail.what})` : ''}. If Word can open it, save it again as a new .docx and import that.`,
    'zip-bomb': `${name} was not opened: ${detail.what ?? 'a part of it'} would unpack to more than ${megabytes(detail.limit ?? 0)}, far more than any real document. The file may be damaged, or made to cause trouble.`,
  };
  return new DocxReadError(reason, messages[reason]);
}
