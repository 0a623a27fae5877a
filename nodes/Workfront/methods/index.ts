import { getActionArguments, getActions } from './actions';
import * as baseLoadOptions from '../../shared/methods/loadOptions';
import * as baseResourceMapping from './resourceMapping';

export * as listSearch from '../../shared/methods/listSearch';

/** The pickers, plus the Execute Action list that follows Workfront's metadata. */
export const loadOptions = { ...baseLoadOptions, getActions };

/** The resource mappers, plus the typed arguments of a declared action. */
export const resourceMapping = { ...baseResourceMapping, getActionArguments };

export * as credentialTest from '../../shared/methods/credentialTest';
