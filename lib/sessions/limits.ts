/** Shared by the API's validation and the page's note box. */
export const NOTE_MAX_CHARS = 4000;
