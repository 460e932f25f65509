/**
 * Why a spot left in the export deserves a human look. Small on purpose: the VS Code
 * adapter reads these without loading the de-identifier.
 */
export const REASON_WORD = 'a capitalised word that is neither an ordinary word nor a known term';
export const REASON_NUMBER = 'a long number';
export const REASON_PLACE = 'a rare place-like phrase';
export const REASON_NAME = 'a word that may be someone’s name';
export const REASON_DATE = 'numbers that may be a date';
