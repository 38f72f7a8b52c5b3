import { useEffect, useState } from 'react';
import { brandingSchema, defaultBranding, MAX_LOGO_BYTES, type Branding } from '../../shared/branding/schema.js';
import { contrastRatio } from '../../shared/branding/contrast.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';

const FONTS = ['Arial', 'Verdana', 'Tahoma', 'Calibri', 'Helvetica'];
const SIZES = [12, 13, 14, 16];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The picture could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * The council's house style for Word exports (saved in settings): council name, logo with
 * its alt text, font, text size and accent colour, with the accent's contrast shown.
 */
export function HouseStyleForm(props: { onDone: (saved: boolean) => void }) {
  const [branding, setBranding] = useState<Branding | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    host.getSettings({}).then(
      (settings) => setBranding(settings.branding ?? defaultBranding()),
      (err: unknown) => setError(messageOf(err)),
    );
  }, []);

  if (!branding) return <p role={error ? 'alert' : 'status'}>{error ?? 'Loading the house style…'}</p>;
  const set = (patch: Partial<Branding>) => setBranding({ ...branding, ...patch });
  const contrast = contrastRatio(branding.accentColour, '#FFFFFF');

  async function chooseLogo(file: File | undefined) {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setError('The logo must be a PNG or JPEG picture.');
    if (file.size > MAX_LOGO_BYTES) return setError(`The logo is ${Math.round(file.size / 1024)} KB; it must be ${MAX_LOGO_BYTES / 1024} KB or smaller.`);
    setError(null);
    const dataUrl = await readAsDataUrl(file);
    set({ logo: { dataUrl, altText: branding!.logo?.altText || `${branding!.councilName || 'Council'} logo` } });
  }

  async function save() {
    const parsed = brandingSchema.safeParse(branding);
    if (!parsed.success) return setError(`Please check the house style: ${parsed.error.issues[0]?.message ?? 'a value is not valid'}.`);
    setSaving(true);
    try {
      await host.updateSettings({ branding: parsed.data });
      props.onDone(true);
    } catch (err) {
      setError(messageOf(err));
      setSaving(false);
    }
  }

  return (
    <form
      className="house-style"
      aria-label="House style"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="muted">Used for every Word export from this computer.</p>
      <label className="field">
        <span>Council name</span>
        <input value={branding.councilName} maxLength={200} onChange={(e) => set({ councilName: e.target.value })} />
      </label>
      <div className="field">
        <label htmlFor="house-style-logo">Logo (PNG or JPEG, up to {MAX_LOGO_BYTES / 1024} KB)</label>
        {branding.logo && <img className="house-style-logo" src={branding.logo.dataUrl} alt={branding.logo.altText} />}
        <input id="house-style-logo" type="file" accept="image/png,image/jpeg" onChange={(e) => void chooseLogo(e.target.files?.[0])} />
        {branding.logo && (
          <>
            <label className="field">
              <span>Logo alt text</span>
              <input value={branding.logo.altText} maxLength={200} required onChange={(e) => set({ logo: { ...branding.logo!, altText: e.target.value } })} />
            </label>
            <button type="button" onClick={() => set({ logo: null })}>
              Remove logo
            </button>
          </>
        )}
      </div>
      <div className="field-row">
        <label className="field">
          <span>Font</span>
          <select value={branding.fontFamily} onChange={(e) => set({ fontFamily: e.target.value })}>
            {[...new Set([branding.fontFamily, ...FONTS])].map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Text size (points)</span>
          <select value={branding.fontSizePt} onChange={(e) => set({ fontSizePt: Number(e.target.value) })}>
            {[...new Set([branding.fontSizePt, ...SIZES])].sort((a, b) => a - b).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Accent colour</span>
          <input type="color" value={branding.accentColour.toLowerCase()} onChange={(e) => set({ accentColour: e.target.value.toUpperCase() })} />
        </label>
      </div>
      <p className={contrast < 4.5 ? 'field-error' : 'muted'}>
        Accent contrast with white: {contrast.toFixed(1)}:1{contrast < 4.5 ? ' — too light for headings; choose a darker colour (4.5:1 or more).' : ' (meets 4.5:1).'}
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => props.onDone(false)}>
          Back
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save house style
        </button>
      </div>
    </form>
  );
}
