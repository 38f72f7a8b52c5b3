/**
 * Terminal control sequences, removed whole from text that came from a file before it is
 * printed (the CLI) or written into a Word document (the exporter): dropping only the ESC
 * character would leave "[2J[31m" behind. Covered: CSI `ESC [ … final byte` and its 8-bit
 * form U+009B; OSC, DCS, SOS, PM and APC strings (`ESC ] … BEL` or `… ESC \`, and their 8-bit
 * introducers), up to their terminator or the end of the text; other two-character escapes.
 */
const CONTROL_SEQUENCES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[ -/]*[0-~]?/g;

export function withoutControlSequences(text: string): string {
  return text.includes('\u001b') || /[\u0090-\u009f]/.test(text) ? text.replace(CONTROL_SEQUENCES, '') : text;
}
