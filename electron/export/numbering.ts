import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';

/**
 * List numbering. Word numbers every paragraph that shares a numbering instance as one list,
 * so each list in a pack (nested lists too) gets an instance of its own and restarts at its
 * start value, instead of continuing the previous list's count.
 */
export const BULLET_REF = 'pack-bullet';
export const NUMBER_REF = 'pack-number';
/** Word supports nine list levels (0–8); deeper nesting is shown at the deepest. */
export const MAX_LIST_LEVEL = 8;

const BULLETS = ['\u2022', '\u25E6', '\u25AA'];
const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function indent(level: number) {
  return { indent: { left: 720 + level * 360, hanging: 360 } };
}

export function numberRef(start: number): string {
  return start === 1 ? NUMBER_REF : `${NUMBER_REF}-from-${start}`;
}

/** Hands out one instance per list, and collects the numbered-list start values in use. */
export class ListNumbering {
  private next = 1;
  private readonly starts = new Set<number>([1]);

  newInstance(): number {
    return this.next++;
  }

  numberReferenceFor(start: number): string {
    const safe = Number.isInteger(start) && start >= 1 && start < 100_000 ? start : 1;
    this.starts.add(safe);
    return numberRef(safe);
  }

  config(): INumberingOptions {
    const levels = Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => level);
    const numbered = [...this.starts].map((start) => ({
      reference: numberRef(start),
      levels: levels.map((level) => ({
        level,
        format: NUMBER_FORMATS[level % 3]!,
        text: `%${level + 1}.`,
        start: level === 0 ? start : 1,
        alignment: AlignmentType.LEFT,
        style: { paragraph: indent(level) },
      })),
    }));
    return {
      config: [
        {
          reference: BULLET_REF,
          levels: levels.map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: BULLETS[level % 3]!,
            alignment: AlignmentType.LEFT,
            style: { paragraph: indent(level) },
          })),
        },
        ...numbered,
      ],
    };
  }
}
