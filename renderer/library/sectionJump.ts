/**
 * Opening a search result at a section: the pack screen scrolls to and focuses the element
 * with id `section-<sectionId>` (rendered by the section editor). Until that exists on the
 * page, the section's entry in the outline (data-outline-section) is used instead, so ids
 * never repeat.
 */
export function sectionElementId(sectionId: string): string {
  return `section-${sectionId}`;
}

export function findSectionElement(sectionId: string, root: ParentNode = document): HTMLElement | null {
  return (
    (root instanceof Document ? root.getElementById(sectionElementId(sectionId)) : root.querySelector<HTMLElement>(`#${CSS.escape(sectionElementId(sectionId))}`)) ??
    root.querySelector<HTMLElement>(`[data-outline-section="${CSS.escape(sectionId)}"]`)
  );
}

/**
 * Scroll the section into view, focus it and mark it briefly. The editor may mount its
 * sections a few frames after the pack loads, so wait up to about half a second for
 * `section-<id>` before settling for the outline entry. Resolves false if neither exists.
 */
export async function jumpToSection(sectionId: string, waitFrames = 30): Promise<boolean> {
  let target = document.getElementById(sectionElementId(sectionId));
  for (let frame = 0; !target && frame < waitFrames; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    target = document.getElementById(sectionElementId(sectionId));
  }
  target ??= findSectionElement(sectionId);
  if (!target) return false;
  if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) target.tabIndex = -1;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  target.classList.add('jump-target');
  target.setAttribute('data-jumped', 'true');
  setTimeout(() => target.classList.remove('jump-target'), 2500);
  return true;
}
