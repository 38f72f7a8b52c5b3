// The writing area's zoom, shared by the settings schema (the remembered value) and the
// renderer (keys and control). Kept apart from shared/api/settings.ts so the editor's start-up
// code does not load zod (tests/unit/startupBundle.test.ts).

/** The range in per cent, as in Word's status bar. */
export const ZOOM_RANGE = { min: 50, max: 300, default: 100 } as const;
/** The steps Ctrl/Cmd + plus and minus move through. */
export const ZOOM_STEPS = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300] as const;
