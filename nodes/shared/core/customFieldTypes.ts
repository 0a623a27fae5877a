/**
 * What a custom field's codes say about its value. Workfront stores a custom field's kind in
 * PARAM.displayType, as codes: Adobe lists SLCT (dropdown), RDIO (radio buttons), CHCK (checkboxes)
 * and MULT (multi-select dropdown) in Experience League's "Kick-start scenario: multiple-option
 * custom field import" ("The Display Type must be entered as it would appear in the database"),
 * TYAH in the API v11 notes, RICH in v12, EXTRNL and MULTEXTRNL among the WIDGET successors in
 * v19, INTRNL and MULTINTRNL in v20 ("New API version 11/12/19/20", Parameter). Adobe documents no
 * code for a single-line text, paragraph or date field; and new codes arrive with new API versions.
 * So codes are compared in any letter case, and a code not listed here is text, never an error.
 *
 * The spellings CHECKBOX, MULTISELECT, DROPDOWN and RADIO, which this package once tested for, are
 * in none of Adobe's sources and were never sent by a Workfront: they are not accepted.
 */

/** A list of option values: checkboxes, multi-select dropdowns, multi-select lookups. */
const MULTI_VALUE = new Set(['CHCK', 'MULT', 'MULTEXTRNL', 'MULTINTRNL']);

/** One of a closed list of options: dropdowns and radio buttons. */
const ONE_OF_OPTIONS = new Set(['SLCT', 'RDIO']);

const code = (displayType: string) => displayType.trim().toUpperCase();

/** Whether a custom field of this display type holds a list of values (sent as a JSON list). */
export const isMultiValueDisplay = (displayType: string): boolean =>
	MULTI_VALUE.has(code(displayType));

/** Whether a custom field of this display type holds one of its options. */
export const isOneOfOptionsDisplay = (displayType: string): boolean =>
	ONE_OF_OPTIONS.has(code(displayType));

/**
 * Whether a field type of Workfront's metadata is a list: Adobe writes arrays as `string[]` (the
 * official client's fixtures/metadata.json for action arguments; `fieldAccessPrivileges
 * (string[])` in the API v15 notes).
 */
export const isListFieldType = (fieldType: string): boolean => fieldType.trim().endsWith('[]');

/** Number data types of custom fields (kick-start import: NMBR number, CURC currency). */
export const isNumberDataType = (dataType: string): boolean =>
	['NMBR', 'CURC'].includes(code(dataType));

/** A date custom field. Adobe documents no date data type; DATE is the simulator's, unverified. */
export const isDateDataType = (dataType: string): boolean => code(dataType) === 'DATE';
