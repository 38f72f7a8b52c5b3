import { withoutControlSequences } from '../../shared/text/controlSequences.js';

/**
 * Text from a file, made safe to print in a terminal. A pack's title or a template's name is
 * whatever the file says; printed raw, an escape sequence in it could recolour or clear the
 * screen, rewrite earlier lines (hiding a FAIL), set the window title, or on some terminals
 * plant a clickable link (OSC 8) or answer back as if typed. So everything the CLI prints
 * goes through here:
 *
 *  - escape sequences are removed whole (CSI `ESC [ … final`, OSC `ESC ] … BEL | ESC \`,
 *    DCS/SOS/PM/APC strings, two-character escapes), and so are their 8-bit forms (U+009B…);
 *  - every other control character (NUL, BEL, backspace, carriage return, C1) is dropped;
 *  - Unicode direction overrides and isolates, which can make a line read differently from
 *    what it says, are dropped too.
 * Line breaks and tabs stay: the CLI's own output uses them.
 */

const OTHER_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return withoutControlSequences(text).replace(OTHER_CONTROLS, '');
}

export interface LineSink {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A sink that cleans every line before it reaches the terminal. */
export function terminalSafeSink(sink: LineSink): LineSink {
  return { out: (line) => sink.out(terminalSafe(line)), err: (line) => sink.err(terminalSafe(line)) };
}
