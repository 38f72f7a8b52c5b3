import { DateField } from '../common/DateField.js';
import { useId, useState, type ReactNode } from 'react';
import type { FrontSheet, Section } from '../../shared/pack/schema.js';
import { accessStatus, accessSummary } from '../../shared/pack/parts.js';
import { CLASSIFICATIONS, SCHEDULE_12A_PARAGRAPHS, STATUSES, STATUS_LABELS } from '../../shared/pack/vocabulary.js';
import { checkFrontSheet, type FrontSheetField } from '../../shared/pack/frontSheetRules.js';

/**
 * The officer's front sheet. Every control has a label; problems show beside a field once
 * it has been visited, and never stop the pack being saved.
 */
export function FrontSheetForm(props: { sheet: FrontSheet; sections?: Section[]; onChange: (sheet: FrontSheet) => void; readOnly?: boolean }) {
  const { sheet, onChange } = props;
  const problems = checkFrontSheet(sheet);
  const [touched, setTouched] = useState<Partial<Record<FrontSheetField, true>>>({});
  const [wardsText, setWardsText] = useState(sheet.wardsAffected.join(', '));
  const touch = (field: FrontSheetField) => setTouched((t) => (t[field] ? t : { ...t, [field]: true }));
  const problem = (field: FrontSheetField) => (touched[field] ? problems[field] : undefined);
  const set = (patch: Partial<FrontSheet>) => onChange({ ...sheet, ...patch });
  const outstanding = Object.keys(problems).length;
  const access = accessStatus({ frontSheet: sheet, sections: props.sections ?? [] });

  return (
    <form className="front-sheet" aria-labelledby="front-sheet-heading" onSubmit={(e) => e.preventDefault()}>
      <h2 id="front-sheet-heading">Front sheet</h2>
      <p className="muted" aria-live="polite">
        {outstanding === 0 ? 'The front sheet is complete.' : `${outstanding} item${outstanding === 1 ? '' : 's'} still to complete. You can save at any time.`}
      </p>
      <fieldset disabled={props.readOnly}>
        <Field label="Title" error={problem('title')} required>
          {(p) => <input {...p} value={sheet.title} maxLength={300} onChange={(e) => set({ title: e.target.value })} onBlur={() => touch('title')} />}
        </Field>
        <div className="field-row">
          <Field label="Meeting" hint="For example: Cabinet" error={problem('meetingName')}>
            {(p) => <input {...p} value={sheet.meeting.name} maxLength={200} onChange={(e) => set({ meeting: { ...sheet.meeting, name: e.target.value } })} onBlur={() => touch('meetingName')} />}
          </Field>
          <Field label="Meeting date" error={problem('meetingDate')}>
            {(p) => <DateField {...p} label="Meeting date" value={sheet.meeting.date} onChange={(date) => set({ meeting: { ...sheet.meeting, date } })} onBlur={() => touch('meetingDate')} />}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Report of" hint="Director or portfolio holder">
            {(p) => <input {...p} value={sheet.reportOf} maxLength={200} onChange={(e) => set({ reportOf: e.target.value })} />}
          </Field>
          <Field label="Lead cabinet member">
            {(p) => <input {...p} value={sheet.leadCabinetMember} maxLength={200} onChange={(e) => set({ leadCabinetMember: e.target.value })} />}
          </Field>
        </div>
        <fieldset className="group">
          <legend>Contact officer</legend>
          <div className="field-row three">
            <Field label="Contact officer name">
              {(p) => <input {...p} value={sheet.contactOfficer.name} maxLength={200} autoComplete="name" onChange={(e) => set({ contactOfficer: { ...sheet.contactOfficer, name: e.target.value } })} />}
            </Field>
            <Field label="Contact officer phone" error={problem('contactPhone')}>
              {(p) => <input {...p} type="tel" value={sheet.contactOfficer.phone} maxLength={60} onChange={(e) => set({ contactOfficer: { ...sheet.contactOfficer, phone: e.target.value } })} onBlur={() => touch('contactPhone')} />}
            </Field>
            <Field label="Contact officer email" error={problem('contactEmail')}>
              {(p) => <input {...p} type="email" value={sheet.contactOfficer.email} maxLength={254} onChange={(e) => set({ contactOfficer: { ...sheet.contactOfficer, email: e.target.value } })} onBlur={() => touch('contactEmail')} />}
            </Field>
          </div>
        </fieldset>
        <Field label="Wards affected" hint='Separate wards with commas, or write "All"' error={problem('wardsAffected')}>
          {(p) => (
            <input
              {...p}
              value={wardsText}
              onChange={(e) => {
                setWardsText(e.target.value);
                set({ wardsAffected: e.target.value.split(',').map((w) => w.trim()).filter(Boolean).slice(0, 100) });
              }}
              onBlur={() => touch('wardsAffected')}
            />
          )}
        </Field>
        <div className="field-row">
          <fieldset className="group">
            <legend>Key decision</legend>
            <RadioPair
              name="key-decision"
              value={sheet.keyDecision.isKeyDecision}
              labels={['Yes', 'No']}
              onChange={(isKeyDecision) => set({ keyDecision: { ...sheet.keyDecision, isKeyDecision } })}
            />
            {sheet.keyDecision.isKeyDecision && (
              <Field label="Forward plan reference" error={problem('forwardPlanRef')}>
                {(p) => <input {...p} value={sheet.keyDecision.forwardPlanRef} maxLength={100} onChange={(e) => set({ keyDecision: { ...sheet.keyDecision, forwardPlanRef: e.target.value } })} onBlur={() => touch('forwardPlanRef')} />}
              </Field>
            )}
          </fieldset>
          <fieldset className="group">
            <legend>Public or exempt</legend>
            {/* Parts are marked exempt in their section settings; the sheet shows which. */}
            {access.kind === 'part-exempt' && (
              <p className="part-exempt-summary" data-testid="part-exempt" role="status">
                <strong>Part exempt.</strong> {accessSummary(access).replace(/^Part exempt: /, '')}.
              </p>
            )}
            <RadioPair
              name="exempt"
              value={sheet.access.exempt}
              labels={access.kind === 'part-exempt' ? ['Whole report exempt', 'Public (apart from the exempt parts)'] : ['Exempt', 'Public']}
              onChange={(exempt) => set({ access: { exempt, schedule12aParagraph: exempt ? sheet.access.schedule12aParagraph : null } })}
            />
            {sheet.access.exempt && (
              <Field label="Schedule 12A paragraph" hint="Local Government Act 1972" error={problem('schedule12aParagraph')}>
                {(p) => (
                  <select
                    {...p}
                    value={sheet.access.schedule12aParagraph ?? ''}
                    onChange={(e) => set({ access: { exempt: true, schedule12aParagraph: e.target.value ? (Number(e.target.value) as FrontSheet['access']['schedule12aParagraph']) : null } })}
                    onBlur={() => touch('schedule12aParagraph')}
                  >
                    <option value="">Choose a paragraph</option>
                    {SCHEDULE_12A_PARAGRAPHS.map((n) => (
                      <option key={n} value={n}>
                        Paragraph {n}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </fieldset>
        </div>
        <div className="field-row three">
          <Field label="Security classification">
            {(p) => (
              <select {...p} value={sheet.classification} onChange={(e) => set({ classification: e.target.value as FrontSheet['classification'] })}>
                {CLASSIFICATIONS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Status">
            {(p) => (
              <select {...p} value={sheet.status} onChange={(e) => set({ status: e.target.value as FrontSheet['status'] })}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Version" error={problem('version')}>
            {(p) => <input {...p} value={sheet.version} maxLength={40} onChange={(e) => set({ version: e.target.value })} onBlur={() => touch('version')} />}
          </Field>
        </div>
      </fieldset>
    </form>
  );
}

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

/** A labelled control with an optional hint and error, wired up for screen readers. */
function Field(props: { label: string; hint?: string; error?: string; required?: boolean; children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span id={`${id}-hint`} className="hint">
          {props.hint}
        </span>
      )}
      {props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': props.error ? true : undefined, 'aria-required': props.required || undefined })}
      {props.error && (
        <span id={`${id}-error`} className="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

function RadioPair(props: { name: string; value: boolean; labels: [string, string]; onChange: (value: boolean) => void }) {
  return (
    <div className="radio-pair">
      {[true, false].map((option, i) => (
        <label key={String(option)}>
          <input type="radio" name={props.name} checked={props.value === option} onChange={() => props.onChange(option)} /> {props.labels[i]}
        </label>
      ))}
    </div>
  );
}
