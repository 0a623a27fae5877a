import { loadOptions as sharedLoadOptions } from '../../shared/methods';
import { getActionArguments, getActions } from './actions';
import * as baseResourceMapping from './resourceMapping';

export { listSearch } from '../../shared/methods';

/** The shared pickers, plus the Execute Action list that follows Workfront's metadata. */
export const loadOptions = { ...sharedLoadOptions, getActions };

/** The resource mappers, plus the typed arguments of a declared action. */
export const resourceMapping = { ...baseResourceMapping, getActionArguments };
