import { FolderRoots } from '../workspace/folderChooser.js';

/** Every value of a flag that may be given more than once: `--allow-folder A --allow-folder=B`. */
export function repeatedFlag(argv: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}` && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) values.push(argv[++i]!);
    else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
  }
  return values;
}

/**
 * The folders the browser host offers in its folder chooser and accepts for the folder
 * settings: the user's home folder and each `--allow-folder` (a shared drive, say). Folders
 * that are not there are reported and left out.
 */
export async function folderRootsFromFlags(argv: readonly string[], log: (line: string) => void): Promise<FolderRoots> {
  const { roots, skipped } = await FolderRoots.create(repeatedFlag(argv, 'allow-folder'));
  for (const folder of skipped) log(`--allow-folder ${folder}: that folder does not exist or cannot be read, so it is not offered.`);
  return roots;
}
