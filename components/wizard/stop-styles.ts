/** Buttons for the stop action: a quiet one for the safe choice, a red one for the action that ends a program. */
const BUTTON =
  'rounded-md border font-medium focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-60';

export const QUIET_BUTTON = `${BUTTON} px-3 py-1.5 text-sm border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`;
export const DANGER_BUTTON = `${BUTTON} px-3 py-1.5 text-sm border-red-800 bg-red-700 text-white hover:bg-red-800 dark:border-red-400 dark:bg-red-500 dark:text-slate-950 dark:hover:bg-red-400`;
/** On a card: outlined, so a page of facts is not dotted with solid red. */
export const DANGER_BUTTON_SMALL = `${BUTTON} px-2.5 py-1 text-sm border-red-700 bg-white text-red-800 hover:bg-red-50 dark:border-red-400 dark:bg-slate-900 dark:text-red-200 dark:hover:bg-red-950`;
