import {
	listSearch as sharedListSearch,
	loadOptions as sharedLoadOptions,
} from '../../shared/methods';
import { getActionArguments, getActions } from './actions';
import {
	getPlanningColumns,
	getPlanningFields,
	searchPlanningRecordTypes,
	searchPlanningWorkspaces,
} from './planning';
import * as baseResourceMapping from './resourceMapping';

/** The shared record pickers, plus Planning's workspaces and record types searched by name. */
export const listSearch = {
	...sharedListSearch,
	searchPlanningWorkspaces,
	searchPlanningRecordTypes,
};

/** The shared pickers, plus the Execute Action list that follows Workfront's metadata and Planning's fields. */
export const loadOptions = { ...sharedLoadOptions, getActions, getPlanningFields };

/** The resource mappers, plus the typed arguments of a declared action and Planning's record fields. */
export const resourceMapping = { ...baseResourceMapping, getActionArguments, getPlanningColumns };
