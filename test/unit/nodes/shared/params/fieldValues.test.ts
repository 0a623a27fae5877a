import { NodeOperationError, type IDataObject, type ResourceMapperField } from 'n8n-workflow';

import { readFieldValues, readWriteValues } from '../../../../../nodes/shared/params/fieldValues';
import * as columnsOfWorkfront from '../../../../../nodes/shared/workfront/mapperColumns';
import { workfrontExecuteContext } from '../../../../harness/executeContext';

const create = (parameters: IDataObject): IDataObject => ({
	resource: 'record',
	operation: 'create',
	objectType: 'PROJ',
	...parameters,
});

async function fieldValues(
	parameters: IDataObject,
	input?: IDataObject[],
	itemIndex = 0,
): Promise<IDataObject> {
	const context = workfrontExecuteContext({ parameters: create(parameters), input });
	return await readFieldValues(context, itemIndex, 'PROJ', 'create');
}

const rows = (...field: IDataObject[]) =>
	fieldValues({ inputMode: 'fields', fieldValues: { field } });

/** The error reading the values ends with; fails the test when there is none. */
async function failure(read: Promise<unknown>): Promise<NodeOperationError> {
	try {
		await read;
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('the values were accepted');
}

describe('Define Fields Below: one typed row per field', () => {
	test('a row of each type', async () => {
		expect(
			await rows(
				{ name: 'name', valueType: 'string', stringValue: 'Launch' },
				{ name: 'budget', valueType: 'number', numberValue: 1200.5 },
				{ name: 'DE:Approved', valueType: 'boolean', booleanValue: true },
				{ name: 'plannedStartDate', valueType: 'dateTime', dateTimeValue: '2026-05-31T17:00:00Z' },
				{ name: 'DE:Channels', valueType: 'json', jsonValue: '["Web", "Email"]' },
				{ name: 'description', valueType: 'null' },
			),
		).toEqual({
			name: 'Launch',
			budget: 1200.5,
			'DE:Approved': true,
			plannedStartDate: '2026-05-31T17:00:00.000Z',
			'DE:Channels': ['Web', 'Email'],
			description: null,
		});
	});

	test('the type defaults to Text, the value to empty text; names are trimmed', async () => {
		expect(await rows({ name: ' description ' })).toEqual({ description: '' });
	});

	test('values from expressions: numbers and booleans given as text, objects as JSON', async () => {
		const values = await fieldValues(
			{
				inputMode: 'fields',
				fieldValues: {
					field: [
						{ name: 'budget', valueType: 'number', numberValue: '={{ $json.budget }}' },
						{ name: 'DE:Approved', valueType: 'boolean', booleanValue: '={{ $json.approved }}' },
						{ name: 'DE:Tier', valueType: 'json', jsonValue: '={{ $json.tier }}' },
						{ name: 'priority', valueType: 'string', stringValue: '={{ $json.priority }}' },
						{
							name: 'plannedCompletionDate',
							valueType: 'dateTime',
							dateTimeValue: '={{ $json.due }}',
						},
					],
				},
			},
			[
				{
					budget: ' 1200.50 ',
					approved: 'false',
					tier: { level: 2 },
					priority: 3,
					due: '2026-05-31',
				},
			],
		);
		expect(values).toEqual({
			budget: 1200.5,
			'DE:Approved': false,
			'DE:Tier': { level: 2 },
			priority: '3',
			plannedCompletionDate: '2026-05-31T00:00:00.000Z',
		});
	});

	test.each([
		[
			'a number that is text',
			{ valueType: 'number', numberValue: '12 apples' },
			'Field 1 (budget): "12 apples" is not a number',
			'Enter a number, or change the Value Type.',
		],
		[
			'an infinite number',
			{ valueType: 'number', numberValue: 'Infinity' },
			'Field 1 (budget): "Infinity" is not a number',
			'Enter a number, or change the Value Type.',
		],
		[
			'a boolean that is other text',
			{ valueType: 'boolean', booleanValue: 'yes' },
			'Field 1 (budget): "yes" is not true or false',
			'Choose true or false, or change the Value Type.',
		],
		[
			'a date that is not one',
			{ valueType: 'dateTime', dateTimeValue: 'next Friday' },
			'Field 1 (budget): "next Friday" is not a date',
			'Enter a date such as 2026-05-31 or 2026-05-31T17:00:00Z.',
		],
		[
			'no date at all',
			{ valueType: 'dateTime', dateTimeValue: '' },
			'Field 1 (budget): "" is not a date',
			'Enter a date such as 2026-05-31 or 2026-05-31T17:00:00Z.',
		],
		[
			'invalid JSON',
			{ valueType: 'json', jsonValue: '["Web", Email]' },
			'Field 1 (budget): the value is not valid JSON',
			'Enter JSON such as ["A","B"] or {"key": "value"}, or change the Value Type.',
		],
	])('%s is refused, naming the row and the field', async (_name, row, message, description) => {
		const error = await failure(rows({ name: 'budget', ...row }));
		expect(error.message).toBe(message);
		expect(error.description).toBe(description);
	});

	test('an empty field name names the row', async () => {
		const error = await failure(
			rows({ name: 'name', stringValue: 'Launch' }, { name: '  ', stringValue: 'x' }),
		);
		expect(error.message).toBe('Field 2: Field Name is empty');
		expect(error.description).toMatch(/Enter the Workfront field name/);
	});

	test('a field set twice', async () => {
		const error = await failure(
			rows(
				{ name: 'name', stringValue: 'A' },
				{ name: 'status' },
				{ name: ' name', stringValue: 'B' },
			),
		);
		expect(error.message).toBe('Field 3 (name): the field is set twice');
		expect(error.description).toBe('Remove one of the rows.');
	});

	test('the error is tied to the item whose value is bad', async () => {
		const parameters = {
			inputMode: 'fields',
			fieldValues: {
				field: [{ name: 'budget', valueType: 'number', numberValue: '={{ $json.budget }}' }],
			},
		};
		const input = [{ budget: '10' }, { budget: 'ten' }];
		expect(await fieldValues(parameters, input, 0)).toEqual({ budget: 10 });
		const error = await failure(fieldValues(parameters, input, 1));
		expect(error.message).toBe('Field 1 (budget): "ten" is not a number');
		expect(error.context.itemIndex).toBe(1);
	});

	// Number('') is 0: an expression on an empty column must not quietly set the field to 0.
	test('an empty number text is refused, not sent as 0', async () => {
		const error = await failure(rows({ name: 'budget', valueType: 'number', numberValue: ' ' }));
		expect(error.message).toBe('Field 1 (budget): " " is not a number');
	});

	// The "set twice" check looks at the fields given, not the names every object inherits.
	test('a field named like an Object method is not taken for a repeated one', async () => {
		expect(await rows({ name: 'constructor', stringValue: 'x' })).toEqual({ constructor: 'x' });
	});
});

describe('JSON', () => {
	test('one object of field names and values', async () => {
		expect(
			await fieldValues({ inputMode: 'json', fieldsJson: '{"name": "Launch", "DE:Tier": ["A"]}' }),
		).toEqual({ name: 'Launch', 'DE:Tier': ['A'] });
	});

	test('an object from an expression is taken as it is', async () => {
		expect(
			await fieldValues({ inputMode: 'json', fieldsJson: '={{ $json.fields }}' }, [
				{ fields: { name: 'From input', priority: 2 } },
			]),
		).toEqual({ name: 'From input', priority: 2 });
	});

	test('text that is not JSON', async () => {
		const error = await failure(
			fieldValues({ inputMode: 'json', fieldsJson: '{"name": "Launch",}' }),
		);
		expect(error.message).toBe('Fields (JSON) is not valid JSON');
		expect(error.description).toBe(
			'Enter one JSON object, e.g. {"name": "Launch", "status": "CUR"}.',
		);
	});

	test.each([
		['a list', '[{"name": "A"}]'],
		['null', 'null'],
		['a number', '12'],
	])('%s is not one object', async (_name, fieldsJson) => {
		const error = await failure(fieldValues({ inputMode: 'json', fieldsJson }));
		expect(error.message).toBe('Fields (JSON) must be one JSON object');
		expect(error.description).toBe(
			'Enter an object of field names and values, e.g. {"name": "Launch"}.',
		);
	});
});

describe('Map Input Fields Automatically', () => {
	test("the input item's keys, without ID, objCode and the fields left out", async () => {
		expect(
			await fieldValues({ inputMode: 'auto', ignoreFields: ' rowNumber , source,' }, [
				{ ID: 'p1', objCode: 'PROJ', name: 'Launch', rowNumber: 4, source: 'sheet', priority: 2 },
			]),
		).toEqual({ name: 'Launch', priority: 2 });
	});

	test('an item with nothing left to send', async () => {
		const error = await failure(
			fieldValues({ inputMode: 'auto', ignoreFields: 'rowNumber' }, [{ ID: 'p1', rowNumber: 1 }]),
		);
		expect(error.message).toBe('The input item has no fields to send');
		expect(error.description).toMatch(/Map Input Fields Automatically sends the keys/);
	});
});

describe('Map Each Field (the resource mapper)', () => {
	const schema: ResourceMapperField[] = [
		{
			id: 'name',
			displayName: 'name',
			type: 'string',
			required: true,
			defaultMatch: false,
			display: true,
		},
		{
			id: 'budget',
			displayName: 'Budget (budget, a number)',
			type: 'string',
			required: false,
			defaultMatch: false,
			display: true,
		},
		{
			id: 'DE:Channels',
			displayName: 'Channels (custom field on Campaign Details)',
			type: 'array',
			required: false,
			defaultMatch: false,
			display: true,
		},
		{
			id: 'plannedStartDate',
			displayName: 'Planned Start Date (plannedStartDate)',
			type: 'dateTime',
			required: false,
			defaultMatch: false,
			display: true,
		},
		{
			id: 'DE:Approved',
			displayName: 'Approved',
			type: 'boolean',
			required: false,
			defaultMatch: false,
			display: true,
		},
		{
			id: 'description',
			displayName: 'description',
			type: 'string',
			required: false,
			defaultMatch: false,
			display: true,
			removed: true,
		},
	];
	/** The types Workfront's metadata gives the fields, which the node converts typed-in text to. */
	const metadataTypes: ResourceMapperField[] = schema.map((column) =>
		column.id === 'budget' ? { ...column, type: 'number' } : column,
	);

	const mapper = (value: IDataObject, input?: IDataObject[]) =>
		fieldValues(
			{ inputMode: 'mapper', columns: { mappingMode: 'defineBelow', value, schema } },
			input,
		);

	let metadata: jest.SpyInstance;
	beforeEach(() => {
		// Workfront's metadata, which the node asks for only when a value is text.
		metadata = jest.spyOn(columnsOfWorkfront, 'mapperColumns').mockResolvedValue(metadataTypes);
	});
	afterEach(() => metadata.mockRestore());

	test('typed values are taken in the types of the stored columns, without asking Workfront', async () => {
		expect(await mapper({ budget: 1200, 'DE:Channels': ['Web'], 'DE:Approved': false })).toEqual({
			budget: 1200,
			'DE:Channels': ['Web'],
			'DE:Approved': false,
		});
		expect(metadata).not.toHaveBeenCalled();
	});

	// n8n hands a date from an expression over as ISO text in the workflow's time zone.
	test('a date from an expression keeps its instant', async () => {
		const values = await mapper({
			plannedStartDate: '={{ DateTime.fromISO("2026-05-31T17:00:00Z") }}',
		});
		expect(new Date(String(values.plannedStartDate)).toISOString()).toBe(
			'2026-05-31T17:00:00.000Z',
		);
	});

	test('text is converted to the type Workfront gives the field', async () => {
		expect(
			await mapper({
				name: 'Launch',
				budget: ' 1200.5 ',
				'DE:Channels': 'Web, Email, ',
				'DE:Approved': 'true',
				plannedStartDate: '2026-05-31',
			}),
		).toEqual({
			name: 'Launch',
			budget: 1200.5,
			'DE:Channels': ['Web', 'Email'],
			'DE:Approved': true,
			plannedStartDate: '2026-05-31',
		});
		expect(metadata).toHaveBeenCalledWith(expect.anything(), 'PROJ', 'create', 'values');
	});

	test('a list typed as JSON', async () => {
		expect(await mapper({ 'DE:Channels': ' ["Web", "Email"] ' })).toEqual({
			'DE:Channels': ['Web', 'Email'],
		});
	});

	test('empty columns and removed columns are not sent', async () => {
		expect(
			await mapper({ name: 'Launch', budget: '', 'DE:Channels': null, description: 'removed' }),
		).toEqual({ name: 'Launch' });
	});

	test.each([
		[
			'budget',
			'twelve',
			'Fields: Budget (budget, a number): "twelve" is not a number',
			'Enter a number such as 1200, or map one from a previous node.',
		],
		[
			'DE:Channels',
			'["Web", Email]',
			'Fields: Channels (custom field on Campaign Details) (DE:Channels): ["Web", Email] is not a list',
			'Enter a JSON list such as ["Web", "Email"], or the values separated by commas: Web, Email.',
		],
		[
			'DE:Channels',
			'[1',
			'Fields: Channels (custom field on Campaign Details) (DE:Channels): [1 is not a list',
			'Enter a JSON list such as ["Web", "Email"], or the values separated by commas: Web, Email.',
		],
		[
			'DE:Approved',
			'maybe',
			'Fields: Approved (DE:Approved): "maybe" is not true or false',
			'Choose true or false.',
		],
		[
			'plannedStartDate',
			'soon',
			'Fields: Planned Start Date (plannedStartDate): "soon" is not a date',
			'Enter a date such as 2026-05-31 or 2026-05-31T17:00:00Z.',
		],
	])(
		'%s = %p is refused with the column as the mapper shows it',
		async (key, value, message, description) => {
			const error = await failure(mapper({ [key]: value }));
			expect(error.message).toBe(message);
			expect(error.description).toBe(description);
		},
	);

	// Blank text passes the "filled in" check; it must not become 0.
	test('blank text in a number column is refused, not sent as 0', async () => {
		const error = await failure(mapper({ budget: '  ' }));
		expect(error.message).toBe('Fields: Budget (budget, a number): "  " is not a number');
	});

	test('a column that is not a list, date, number or boolean is sent as given', async () => {
		expect(await mapper({ name: '  Launch  ', unknownColumn: 'kept' })).toEqual({
			name: '  Launch  ',
			unknownColumn: 'kept',
		});
	});

	test('mapped automatically: the input item itself, less the fields left out', async () => {
		const values = await fieldValues(
			{
				inputMode: 'mapper',
				columns: { mappingMode: 'autoMapInputData', value: null, schema },
				ignoreFields: 'row',
			},
			[{ ID: 'x', name: 'Launch', row: 2 }],
		);
		expect(values).toEqual({ name: 'Launch' });
		expect(metadata).not.toHaveBeenCalled();
	});
});

describe('readWriteValues: the custom forms to attach', () => {
	test('chosen forms become objectCategories, in order', async () => {
		const context = workfrontExecuteContext({
			parameters: create({
				inputMode: 'json',
				fieldsJson: '{"name": "Launch"}',
				options: { customForms: ['form-b', 'form-a'] },
			}),
		});
		expect(await readWriteValues(context, 0, 'PROJ', 'create')).toEqual({
			name: 'Launch',
			objectCategories: [
				{ categoryID: 'form-b', categoryOrder: 0 },
				{ categoryID: 'form-a', categoryOrder: 1 },
			],
		});
	});

	test('forms from an expression as comma-separated text', async () => {
		const context = workfrontExecuteContext({
			parameters: create({
				inputMode: 'json',
				fieldsJson: '{"name": "Launch"}',
				options: { customForms: '={{ $json.forms }}' },
			}),
			input: [{ forms: ' form-a, ,form-c ' }],
		});
		expect((await readWriteValues(context, 0, 'PROJ', 'create')).objectCategories).toEqual([
			{ categoryID: 'form-a', categoryOrder: 0 },
			{ categoryID: 'form-c', categoryOrder: 1 },
		]);
	});

	test('no forms: no objectCategories', async () => {
		const context = workfrontExecuteContext({
			parameters: create({ inputMode: 'json', fieldsJson: '{"name": "Launch"}' }),
		});
		expect(await readWriteValues(context, 0, 'PROJ', 'create')).toEqual({ name: 'Launch' });
	});
});
