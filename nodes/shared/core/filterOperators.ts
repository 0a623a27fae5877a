/** The filter operators the node offers, and the Workfront modifier (`<field>_Mod`) each sends. */
export interface FilterOperator {
	value: string;
	name: string;
	modifier: string;
	/** What the operator needs: one value, two (a range), a list, or nothing. */
	takes: 'value' | 'range' | 'list' | 'nothing';
}

export const FILTER_OPERATORS: FilterOperator[] = [
	{ value: 'equals', name: 'Equals', modifier: 'eq', takes: 'value' },
	{ value: 'notEquals', name: 'Not Equal', modifier: 'ne', takes: 'value' },
	{
		value: 'equalsIgnoreCase',
		name: 'Equals (Case-Insensitive)',
		modifier: 'cieq',
		takes: 'value',
	},
	{ value: 'contains', name: 'Contains', modifier: 'contains', takes: 'value' },
	{
		value: 'containsIgnoreCase',
		name: 'Contains (Case-Insensitive)',
		modifier: 'cicontains',
		takes: 'value',
	},
	{ value: 'notContains', name: 'Does Not Contain', modifier: 'notcontains', takes: 'value' },
	{ value: 'like', name: 'Like (% Wildcard)', modifier: 'like', takes: 'value' },
	{ value: 'greaterThan', name: 'Greater Than', modifier: 'gt', takes: 'value' },
	{ value: 'greaterThanOrEqual', name: 'Greater Than or Equal', modifier: 'gte', takes: 'value' },
	{ value: 'lessThan', name: 'Less Than', modifier: 'lt', takes: 'value' },
	{ value: 'lessThanOrEqual', name: 'Less Than or Equal', modifier: 'lte', takes: 'value' },
	{ value: 'between', name: 'Between', modifier: 'between', takes: 'range' },
	{ value: 'in', name: 'In List', modifier: 'in', takes: 'list' },
	{ value: 'notIn', name: 'Not In List', modifier: 'notin', takes: 'list' },
	{ value: 'isEmpty', name: 'Is Empty', modifier: 'isnull', takes: 'nothing' },
	{ value: 'isNotEmpty', name: 'Is Not Empty', modifier: 'notnull', takes: 'nothing' },
];

export function findOperator(value: string): FilterOperator | undefined {
	return FILTER_OPERATORS.find((operator) => operator.value === value);
}

export const operatorsTaking = (...kinds: FilterOperator['takes'][]) =>
	FILTER_OPERATORS.filter(({ takes }) => kinds.includes(takes)).map(({ value }) => value);
