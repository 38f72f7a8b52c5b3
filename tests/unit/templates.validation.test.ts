import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../shared/api/errors.js';
import { MAX_TEMPLATE_BYTES } from '../../shared/templates/format.js';
import { checkLink, schemeOf } from '../../shared/templates/links.js';
import { jsonDepth, parseTemplateText, serialiseTemplate, utf8Length } from '../../shared/templates/parse.js';

const FIXTURES = path.resolve('tests/fixtures/templates');

async function fixture(name: string): Promise<string> {
  return readFile(path.join(FIXTURES, name), 'utf8');
}

/** Parse a fixture and return the HostError it is refused with. */
async function refusal(name: string): Promise<HostError> {
  const text = await fixture(name);
  try {
    parseTemplateText(text, { label: `"${name}"` });
  } catch (err) {
    expect(err).toBeInstanceOf(HostError);
    return err as HostError;
  }
  throw new Error(`${name} was accepted but should have been refused`);
}

describe('template validation: the valid fixture', () => {
  it('parses, keeps every field and round-trips through serialise', async () => {
    const template = parseTemplateText(await fixture('valid-ward-briefing.briefing-template'), { label: '"valid"' });
    expect(template.name).toBe('Ward briefing');
    expect(template.version).toBe('1.2');
    expect(template.organisation).toBe('Sefton Council');
    expect(template.frontSheet.meeting).toEqual({ name: 'Area Committee', date: '' });
    expect(template.sections.map((s) => s.title)).toEqual(['Summary', 'Green industry locally']);
    expect(template.sections[0]!.wordLimit).toBe(150);
    expect(template.sections[1]!.gamechangerId).toBe('green-industrial-revolution');
    expect(template.sections[0]!.starterContent?.root.children).toHaveLength(2);
    expect(parseTemplateText(serialiseTemplate(template))).toEqual(template);
  });

  it('accepts content nested exactly 100 levels deep', async () => {
    const template = parseTemplateText(await fixture('nesting-100-levels.briefing-template'));
    expect(template.sections).toHaveLength(2);
  });
});

describe('template validation: every bad kind is refused in plain English, naming the file', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['malformed-json.briefing-template', 'INVALID_FILE', /"malformed-json\.briefing-template" is damaged: it is not readable JSON/],
    ['wrong-format.briefing-template', 'INVALID_FILE', /"wrong-format\.briefing-template" is not a briefing template \(its "format" is "briefing-pack"/],
    ['newer-format-version.briefing-template', 'NEWER_VERSION', /"newer-format-version\.briefing-template" was saved by a newer version of Briefing Studio \(file format 3/],
    ['missing-name.briefing-template', 'INVALID_FILE', /"missing-name\.briefing-template" is not a valid briefing template: Name is missing/],
    ['missing-section-title.briefing-template', 'INVALID_FILE', /"missing-section-title\.briefing-template" is not a valid briefing template: Section 2 › Title is missing/],
    ['javascript-link.briefing-template', 'INVALID_FILE', /"javascript-link\.briefing-template" was refused: in section "Summary", the link "javascript:alert\(document\.cookie\)" would run code when clicked/],
    ['obfuscated-javascript-link.briefing-template', 'INVALID_FILE', /"obfuscated-javascript-link\.briefing-template" was refused: .*would run code when clicked/],
    ['data-link.briefing-template', 'INVALID_FILE', /"data-link\.briefing-template" was refused: in section "Summary", the link "data:text\/html;base64,.*uses data:, which is not allowed/],
    ['nesting-101-levels.briefing-template', 'INVALID_FILE', /"nesting-101-levels\.briefing-template" is not a valid briefing template: .*Starter content.*nested more than 100 levels deep/],
    ['nesting-400-levels.briefing-template', 'INVALID_FILE', /"nesting-400-levels\.briefing-template" was refused: its content is nested more than 100 levels deep/],
  ];
  for (const [file, code, message] of cases) {
    it(file, async () => {
      const err = await refusal(file);
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(err.message).not.toMatch(/at .*\.ts:\d+|ZodError|\[object/);
    });
  }

  it('a file over 10 MB is refused from its size, before any parsing', async () => {
    const valid = JSON.parse(await fixture('valid-ward-briefing.briefing-template'));
    // Pad with whitespace past the limit: still valid JSON, only the size is wrong.
    const text = JSON.stringify(valid) + ' '.repeat(MAX_TEMPLATE_BYTES);
    expect(() => parseTemplateText(text, { label: '"huge.briefing-template"' })).toThrow(
      /"huge\.briefing-template" is too large to be a template \(10\.\d MB; templates may be up to 10 MB\)/,
    );
    // The same content without the padding is fine: the size alone was the reason.
    expect(parseTemplateText(JSON.stringify(valid)).name).toBe('Ward briefing');
  });
});

describe('template validation helpers', () => {
  it('measures UTF-8 size like Buffer does', () => {
    for (const text of ['plain', 'caf\u00e9', '\u2019quotes\u2019', 'emoji \u{1F600}', '']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('measures JSON depth, ignoring brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]]"}')).toBe(1);
    expect(jsonDepth('[[[[[[[[[[', 3)).toBe(4);
  });

  it('allows web, email and phone links only', () => {
    expect(checkLink('https://www.sefton.gov.uk/')).toBeNull();
    expect(checkLink('mailto:democratic.services@sefton.gov.uk')).toBeNull();
    expect(checkLink('tel:01519342000')).toBeNull();
    expect(checkLink('file:///C:/secret.docx')).toMatch(/uses file:/);
    expect(checkLink('vbscript:msgbox')).toMatch(/would run code/);
    expect(checkLink('/relative/path')).toMatch(/not a full web, email or phone address/);
    expect(schemeOf('  J\u0000ava\nScript:alert(1)')).toBe('javascript:');
  });
});

describe('template validation never fails in an unplanned way', () => {
  it('any JSON value, and the valid template with any field replaced, is accepted or refused with a HostError', async () => {
    const fc = await import('fast-check');
    const { templateFromJson } = await import('../../shared/templates/parse.js');
    const valid = JSON.parse(await fixture('valid-ward-briefing.briefing-template'));
    const keys = [...Object.keys(valid), 'sections.0.title', 'sections.0.starterContent', 'sections.0.starterContent.root.children', 'sections.1.guidance', 'frontSheet.meeting'];
    const outcome = (value: unknown) => {
      try {
        templateFromJson(value, { label: '"fuzz"' });
        return true;
      } catch (err) {
        return err instanceof HostError && err.message.startsWith('"fuzz"');
      }
    };
    fc.assert(fc.property(fc.jsonValue(), (value) => outcome(value)), { numRuns: 300 });
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, replacement) => {
        const doc = structuredClone(valid);
        const parts = key.split('.');
        let target = doc;
        for (const part of parts.slice(0, -1)) target = target[part];
        target[parts.at(-1)!] = replacement;
        return outcome(doc);
      }),
      { numRuns: 500 },
    );
  });
});
