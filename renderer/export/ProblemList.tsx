import { ACCESSIBILITY_RULES, type AccessibilityProblem } from '../../shared/export/types.js';

/**
 * The checker's problems, errors first, each with where it is and how to fix it; a problem
 * in a section offers "Go to section" (the dialog closes and the section is brought into view).
 */
export function ProblemList(props: { problems: AccessibilityProblem[]; onGoTo?: (sectionId: string) => void }) {
  const sorted = [...props.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="export-problems" aria-label="Accessibility problems">
      {sorted.map((problem, index) => (
        <li key={index} className={`export-problem export-problem-${problem.severity}`}>
          <p className="export-problem-title">
            <span className={`badge ${problem.severity === 'error' ? 'badge-error' : 'badge-warning'}`}>{problem.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
            <strong>{ACCESSIBILITY_RULES[problem.rule]}</strong> <span className="muted">· {problem.where}</span>
          </p>
          <p>{problem.message}</p>
          <p className="export-fix">
            <strong>How to fix:</strong> {problem.fix}
          </p>
          {problem.sectionId && props.onGoTo && (
            <button type="button" className="link-button" onClick={() => props.onGoTo!(problem.sectionId!)}>
              Go to section
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
