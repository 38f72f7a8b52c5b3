/**
 * Where focus goes after an action that removes or makes something (issue 13: focus is never
 * dropped). The target may not be on the page yet (a section's editor mounts a frame or two
 * after it is chosen), so focusWhenReady waits for it, frame by frame, for a few seconds.
 */

/** The outline's button for a section (renderer/pack/outline/SectionOutline.tsx). */
export function outlineItemSelector(sectionId: string): string {
  return `.outline-item[data-section-id="${CSS.escape(sectionId)}"]`;
}

/** A section's editable text, once it can take typing. */
export function sectionEditorSelector(sectionId: string): string {
  return `[data-section-editor="${CSS.escape(sectionId)}"][contenteditable="true"]`;
}

/** The outline's Front sheet button. */
export const FRONT_SHEET_ITEM = '.outline-item.outline-front';

let pending = 0;

/**
 * Focus the first element matching `selector` as soon as it exists. A later call replaces an
 * earlier one still waiting, so two quick actions never fight over focus.
 */
export function focusWhenReady(selector: string, timeoutMs = 5000): void {
  const mine = ++pending;
  const started = performance.now();
  const attempt = () => {
    if (mine !== pending) return;
    const target = document.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus({ preventScroll: false });
      target.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
