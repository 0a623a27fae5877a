/** The pickers and the credential test every Workfront node offers. */
export * as listSearch from './listSearch';
export * as loadOptions from './loadOptions';
