import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialiseTemplate } from '../../shared/templates/parse.js';
import { appRoot } from '../appPaths.js';
import { BUILT_IN_TEMPLATES, builtInFileName } from './builtInDefinitions.js';

// Regenerate resources/templates/*.briefing-template from builtInDefinitions.ts:
//   npx tsx electron/templates/writeBuiltIns.ts
const dir = path.join(appRoot(), 'resources', 'templates');
for (const template of BUILT_IN_TEMPLATES) {
  const file = path.join(dir, builtInFileName(template));
  await writeFile(file, serialiseTemplate(template));
  console.log(`Wrote ${path.relative(appRoot(), file)}`);
}
