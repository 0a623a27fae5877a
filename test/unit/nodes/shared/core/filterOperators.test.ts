import {
	FILTER_OPERATORS,
	findOperator,
	operatorsTaking,
} from '../../../../../nodes/shared/core/filterOperators';

test('each operator is offered once and sends its own Workfront modifier', () => {
	const values = FILTER_OPERATORS.map(({ value }) => value);
	const modifiers = FILTER_OPERATORS.map(({ modifier }) => modifier);
	expect(new Set(values).size).toBe(values.length);
	expect(new Set(modifiers).size).toBe(modifiers.length);
});

test('findOperator by value', () => {
	expect(findOperator('equalsIgnoreCase')?.modifier).toBe('cieq');
	expect(findOperator('isEmpty')).toMatchObject({ modifier: 'isnull', takes: 'nothing' });
	expect(findOperator('eq')).toBeUndefined();
});

test('operatorsTaking: the operators that need a kind of value', () => {
	expect(operatorsTaking('range')).toEqual(['between']);
	expect(operatorsTaking('list', 'nothing')).toEqual(['in', 'notIn', 'isEmpty', 'isNotEmpty']);
	expect(operatorsTaking('value')).toContain('like');
});
