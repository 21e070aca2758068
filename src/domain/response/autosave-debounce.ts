/**
 * How long the questionnaire waits after the last keystroke in a text or number field before it saves: typing
 * "125" is one save, not three. Choices (radios, checkboxes, selects) save at once. The page
 * (web/client/questionnaire.ts) uses it, and the bench's realistic load (bench/scenarios/realistic-load.ts) types
 * the same way.
 */
export const AUTOSAVE_DEBOUNCE_MS = 700
