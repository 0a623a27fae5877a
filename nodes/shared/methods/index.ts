/** The pickers (load options and list searches) that more than one Workfront node offers. */
export * as listSearch from './listSearch';
export * as loadOptions from './loadOptions';
