import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { isoToUk, ukToIso } from '../../shared/dates/ukDate.js';

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'defaultValue'>;

/**
 * A date typed and shown as dd/mm/yyyy whatever the browser's locale (a native date field
 * follows it, so a laptop set to US English showed mm/dd/yyyy), with a calendar button that
 * opens the browser's own picker. The value in and out is ISO (yyyy-mm-dd, or '' when empty).
 * What cannot be read as a date is kept as typed and said to be wrong, never thrown away.
 */
export function DateField(props: Passed & { value: string; onChange: (iso: string) => void; label?: string }) {
  const { value, onChange, label, onBlur, ...rest } = props;
  const [text, setText] = useState(() => isoToUk(value));
  const [bad, setBad] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const errorId = useId();
  // A new value from outside (another field, a reload) replaces what is shown.
  useEffect(() => {
    if (ukToIso(text) !== value) {
      setText(isoToUk(value));
      setBad(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const commit = (typed: string) => {
    const iso = ukToIso(typed);
    if (iso === null) {
      setBad(true);
      return;
    }
    setBad(false);
    setText(isoToUk(iso));
    if (iso !== value) onChange(iso);
  };

  const describedBy = [rest['aria-describedby'], bad ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <span className="date-field">
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        value={text}
        aria-invalid={bad ? true : rest['aria-invalid']}
        aria-describedby={describedBy}
        onChange={(e) => {
          setText(e.target.value);
          // A complete date is taken at once; a half-typed one waits for the field to be left.
          const iso = ukToIso(e.target.value);
          if (iso !== null && iso !== value && (iso === '' || /^\d{1,2}\D\d{1,2}\D\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(e.target.value.trim()))) {
            setBad(false);
            onChange(iso);
          }
        }}
        onBlur={(e) => {
          commit(e.target.value);
          onBlur?.(e);
        }}
      />
      <button
        type="button"
        className="date-picker-button"
        aria-label={`Choose ${label ? label.toLowerCase() : 'the date'} from a calendar`}
        title="Calendar"
        disabled={rest.disabled}
        onClick={() => {
          const el = picker.current;
          if (!el) return;
          el.value = ukToIso(text) || value;
          try {
            el.showPicker();
          } catch {
            el.focus();
          }
        }}
      >
        📅
      </button>
      {/* The browser's calendar, opened by the button; never shown or reached by Tab itself. */}
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        className="date-picker-native"
        onChange={(e) => {
          if (e.target.value) commit(e.target.value);
        }}
      />
      {bad && (
        <span id={errorId} className="field-error" role="alert">
          Type the date as dd/mm/yyyy, for example 18/11/2021.
        </span>
      )}
    </span>
  );
}
