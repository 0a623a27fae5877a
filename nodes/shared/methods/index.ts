import { getFilterValueOptions, searchFilterValues, searchReferencedRecords } from './fieldValues';
import * as recordLists from './listSearch';
import * as lists from './loadOptions';

/** The searchable lists every Workfront node offers: records by name, and a row's field values. */
export const listSearch = { ...recordLists, searchFilterValues, searchReferencedRecords };

/** The option lists every Workfront node offers: object types, fields, forms, a filter's values. */
export const loadOptions = { ...lists, getFilterValueOptions };
