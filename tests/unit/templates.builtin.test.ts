import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAMECHANGERS, LOCAL_ANGLE_PROMPTS } from '../../shared/gamechangers/index.js';
import { parseTemplateText, serialiseTemplate } from '../../shared/templates/parse.js';
import { packFromTemplate } from '../../shared/templates/toPack.js';
import { templateFromPack } from '../../shared/templates/fromPack.js';
import { packSchema } from '../../shared/pack/schema.js';
import { compareVersions, nextMinorVersion } from '../../shared/templates/version.js';
import { BUILT_IN_TEMPLATES, builtInFileName } from '../../electron/templates/builtInDefinitions.js';
import { builtInTemplatesDir } from '../../electron/templates/templateServices.js';

describe('built-in templates in resources/templates', () => {
  it('are exactly the three generated from builtInDefinitions.ts (run writeBuiltIns.ts after editing)', async () => {
    const files = (await readdir(builtInTemplatesDir())).filter((f) => f.endsWith('.briefing-template')).sort();
    expect(files).toEqual(BUILT_IN_TEMPLATES.map(builtInFileName).sort());
    for (const template of BUILT_IN_TEMPLATES) {
      const text = await readFile(path.join(builtInTemplatesDir(), builtInFileName(template)), 'utf8');
      expect(text).toBe(serialiseTemplate(template));
      expect(parseTemplateText(text, { label: builtInFileName(template) })).toEqual(template);
    }
  });

  it('the gamechangers template has a summary, the five gamechangers with statement and prompts, and recommendations', () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'builtin-gamechangers')!;
    expect(template.name).toBe('The North\u2019s five gamechangers: local angles');
    expect(template.sections[0]!.title).toBe('Introduction and summary');
    expect(template.sections.at(-1)!.title).toBe('Recommendations');
    const middle = template.sections.slice(1, -1);
    expect(middle.map((s) => s.gamechangerId)).toEqual(GAMECHANGERS.map((g) => g.id));
    middle.forEach((section, i) => {
      const g = GAMECHANGERS[i]!;
      expect(section.title).toBe(g.title);
      expect(section.guidance[0]).toContain(g.statement);
      for (const prompt of LOCAL_ANGLE_PROMPTS) expect(section.guidance).toContain(prompt);
    });
    // The six parts of a local angle are all asked for.
    const prompts = middle[0]!.guidance.join(' ');
    for (const part of ['local angle', 'Local evidence', 'ask of Government', 'offer in return', 'Risks', 'Wards affected']) expect(prompts).toContain(part);
  });

  it('the cabinet report has the standard body of a council report', () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'builtin-cabinet-report')!;
    expect(template.sections.map((s) => s.title)).toEqual([
      'Summary',
      'Purpose of the report',
      'Recommendations',
      'Background',
      'Options considered and rejected',
      'Implications',
      'Consultation',
      'Next steps',
      'Appendices and background papers',
    ]);
    const implications = template.sections.find((s) => s.title === 'Implications')!.guidance.join('\n');
    for (const kind of ['Financial', 'Legal', 'Equality', 'Climate', 'Risk']) expect(implications).toMatch(new RegExp(`^${kind}:`, 'm'));
  });

  it('every built-in template makes a valid pack', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const pack = packFromTemplate(template, 'A title');
      expect(packSchema.parse(pack)).toEqual(pack);
      expect(pack.sections).toHaveLength(template.sections.length);
    }
  });
});

describe('template model helpers', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('2', '10')).toBeLessThan(0);
    expect(nextMinorVersion('1.9')).toBe('1.10');
    expect(nextMinorVersion('3')).toBe('3.1');
  });

  it('packs made from one template share no objects, and a pack turns back into the same structure', () => {
    const template = BUILT_IN_TEMPLATES[0]!;
    const a = packFromTemplate(template, 'A');
    const b = packFromTemplate(template, 'B');
    (a.sections[0]!.content.root.children as unknown[]).push({ type: 'paragraph', children: [] });
    expect(b.sections[0]!.content.root.children).toHaveLength(1);
    expect(a.frontSheet.wardsAffected).not.toBe(b.frontSheet.wardsAffected);

    const back = templateFromPack(b, { name: 'Round trip', includeContent: true });
    expect(back.sections).toEqual(template.sections);
    expect(back.frontSheet.meeting).toEqual({ name: 'Cabinet', date: '' });
  });
});
