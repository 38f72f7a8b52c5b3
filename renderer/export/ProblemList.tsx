import { ACCESSIBILITY_RULES, type AccessibilityProblem } from '../../shared/export/types.js';

/** The checker's problems, errors first, each with where it is and how to fix it. */
export function ProblemList(props: { problems: AccessibilityProblem[] }) {
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
        </li>
      ))}
    </ul>
  );
}
