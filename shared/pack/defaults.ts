import { emptyEditorState } from '../richtext/editorState.js';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from './format.js';
import type { FrontSheet, Pack, Section } from './schema.js';
import { emptyReview } from '../review/vocabulary.js';
import { emptyClearance } from '../clearance/vocabulary.js';

export function defaultFrontSheet(title = 'Untitled briefing'): FrontSheet {
  return {
    title,
    meeting: { name: '', date: '' },
    reportOf: '',
    leadCabinetMember: '',
    contactOfficer: { name: '', phone: '', email: '' },
    wardsAffected: ['All'],
    keyDecision: { isKeyDecision: false, forwardPlanRef: '' },
    access: { exempt: false, schedule12aParagraph: null },
    classification: 'OFFICIAL',
    status: 'draft',
    version: '0.1',
  };
}

export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function newSection(title: string, extra: Partial<Omit<Section, 'id' | 'title'>> = {}): Section {
  return { id: newId(), title, guidance: '', content: emptyEditorState(), ...extra };
}

export function newPack(frontSheet: Partial<FrontSheet> = {}, sections: Section[] = [], now = new Date()): Pack {
  const stamp = now.toISOString();
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: newId(),
    createdAt: stamp,
    updatedAt: stamp,
    frontSheet: { ...defaultFrontSheet(), ...frontSheet },
    sections,
    review: emptyReview(),
    clearance: emptyClearance(),
  };
}
