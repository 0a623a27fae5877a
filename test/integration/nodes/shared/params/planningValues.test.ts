import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	readPlanningData,
	readValueSettings,
} from '../../../../../nodes/shared/params/planningValues';
import { workfrontExecuteContext } from '../../../../harness/executeContext';
import type { PlanningSeed } from '../../../../simulator';
import { mapperValue, planningFixture, planningRecord } from '../../../../support/planning';
import { WorkfrontFixture } from '../../../../support/workfrontNode';

/**
 * A Planning record's `data` for a Create or an Update, read from the mapper (typed by the
 * columns stored with the node), from Data (JSON), or from the input item (Map Automatically,
 * which reads the record type's fields from Planning: hence this tier). What the operations send
 * and Planning stores, every field type at once, and the bulk requests:
 * test/integration/nodes/Workfront/actions/planningRecord/{create,update}.operation.test.ts.
 */

const column = (id: string, displayName: string, extra: IDataObject = {}): IDataObject => ({
	id,
	displayName,
	type: 'string',
	display: true,
	required: false,
	defaultMatch: false,
	...extra,
});

/** Columns as the editor stores them: the Planning type in the name's last brackets. */
const SCHEMA = [
	column('Fname', 'Name (text)'),
	column('Fbudget', 'Budget (currency)', { type: 'number' }),
	column('Fok', 'Approved (checkbox)', { type: 'boolean' }),
	column('Fdate', 'Launch (date)', { type: 'dateTime' }),
	column('Fchan', 'Channels (multi-select, web, email)', { type: 'array' }),
	column('Fref', 'Personas (reference)', { type: 'array' }),
	column('Fowner', 'Owner (people)'),
	column('Fteam', 'Team (people)', { type: 'array' }),
	column('Fcalc', 'Cost (computed by Planning)', { readOnly: true, removed: true }),
	column('Fgone', 'Gone (text)', { removed: true }),
	column('Fnum', 'Mystery', { type: 'number' }),
	column('Fbool', 'Switch', { type: 'boolean' }),
	column('Flist', 'Tags', { type: 'array' }),
];

const seedless = { campaigns: { id: 'Rt1' }, workspace: { id: 'Ws1' } } as unknown as PlanningSeed;

function context(
	operation: 'create' | 'update',
	parameters: IDataObject,
	input?: IDataObject[],
	fixture?: WorkfrontFixture,
	seed: PlanningSeed = seedless,
) {
	return workfrontExecuteContext({
		parameters: planningRecord(seed, operation, { recordId: 'Rc1', ...parameters }),
		input,
		helper: fixture?.helper,
		kind: 'serverToServer',
	});
}

const mapped = async (
	value: IDataObject,
	options: IDataObject = {},
	operation: 'create' | 'update' = 'create',
	read: 'create' | 'update' = operation,
) =>
	await readPlanningData(
		context(operation, { dataColumns: mapperValue(value, SCHEMA), options }),
		0,
		'Rt1',
		read,
	);

async function failure(read: () => Promise<unknown>): Promise<NodeOperationError> {
	const error = await read().then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	return error as NodeOperationError;
}

describe('Map Each Field (Define Below): typed by the stored columns, nothing asked of Planning', () => {
	test("each value as its column's Planning type wants it", async () => {
		expect(
			await mapped({
				Fname: ' Spring ',
				Fbudget: ' 1200.5 ',
				Fok: 'false',
				Fdate: '2026-03-15',
				Fchan: 'web, email',
				Fref: '["Rc1", " Rc2 "]',
				Fowner: ' u1 ',
				Fteam: 'u1, u2',
			}),
		).toEqual({
			// Text is sent as typed.
			Fname: ' Spring ',
			Fbudget: 1200.5,
			Fok: false,
			Fdate: '2026-03-15',
			Fchan: ['web', 'email'],
			Fref: ['Rc1', 'Rc2'],
			Fowner: 'u1',
			Fteam: ['u1', 'u2'],
		});
	});

	test("a date-time from the editor's date picker or an expression becomes ISO text", async () => {
		expect(
			await mapped({ Fdate: '={{ DateTime.fromISO("2026-03-15T10:00:00.000Z").toUTC() }}' }),
		).toEqual({ Fdate: '2026-03-15T10:00:00.000Z' });
	});

	test('a column without a Planning word is typed by its editor type; one not in the schema is sent as is', async () => {
		expect(await mapped({ Fnum: '7', Fbool: 'true', Flist: 'a,b', Funknown: '5' })).toEqual({
			Fnum: 7,
			Fbool: true,
			Flist: ['a', 'b'],
			Funknown: '5',
		});
	});

	test('computed, removed and empty columns are never sent', async () => {
		expect(await mapped({ Fcalc: '3', Fgone: 'x', Fname: '', Fbudget: null, Fok: true })).toEqual({
			Fok: true,
		});
	});

	test('People ID Type: each person sent typed, alone or in a list', async () => {
		expect(await mapped({ Fowner: 'u1', Fteam: '["u1","u2"]' }, { peopleIdType: 'IMS' })).toEqual({
			Fowner: { id: 'u1', idType: 'IMS' },
			Fteam: [
				{ id: 'u1', idType: 'IMS' },
				{ id: 'u2', idType: 'IMS' },
			],
		});
	});

	test.each([
		[{ Fbudget: 'lots' }, 'Fields: Budget (currency): "lots" is not a number', /^Enter a number/],
		[{ Fnum: '1e999' }, 'Fields: Mystery: "1e999" is not a number', /^Enter a number/],
		[
			{ Fok: 'yes' },
			'Fields: Approved (checkbox): "yes" is not true or false',
			/^Choose true or false/,
		],
		[{ Fdate: 'someday' }, 'Fields: Launch (date): "someday" is not a date', /^Enter a date/],
	])(
		'a value its type cannot take fails the item, naming the column: %j',
		async (value, message, advice) => {
			const error = await failure(() => mapped(value));
			expect(error.message).toBe(message);
			expect(error.description).toMatch(advice);
			expect(error.context.itemIndex).toBe(0);
		},
	);
});

describe('Update: List Fields', () => {
	test('Add: each list value becomes the operation; single values stay values', async () => {
		expect(
			await mapped(
				{ Fchan: 'social', Fref: 'Rc3', Fteam: 'u1, u2', Fowner: 'u9', Fname: 'N' },
				{ listChange: 'add' },
				'update',
			),
		).toEqual({
			Fchan: [{ op: 'add', value: ['social'] }],
			Fref: [{ op: 'add', value: ['Rc3'] }],
			Fteam: [{ op: 'add', value: ['u1', 'u2'] }],
			Fowner: 'u9',
			Fname: 'N',
		});
	});

	test('Remove: a list column without a Planning word (the editor type array) too', async () => {
		expect(await mapped({ Flist: 'a' }, { listChange: 'remove' }, 'update')).toEqual({
			Flist: [{ op: 'remove', value: ['a'] }],
		});
	});

	test('a Create is never turned into operations, whatever the option says', async () => {
		expect(await mapped({ Fchan: 'web' }, { listChange: 'add' }, 'update', 'create')).toEqual({
			Fchan: ['web'],
		});
	});

	test('readValueSettings: replace and plain by default; an unknown List Fields replaces', () => {
		const settings = (options: IDataObject) => readValueSettings(context('update', { options }), 0);
		expect(settings({})).toEqual({ idType: 'plain', listChange: 'replace' });
		expect(settings({ listChange: '={{ "append" }}', peopleIdType: 'WF' })).toEqual({
			idType: 'WF',
			listChange: 'replace',
		});
	});
});

describe('Data (JSON): one object, sent as written', () => {
	const json = async (dataJson: string) =>
		await readPlanningData(context('create', { inputMode: 'json', dataJson }), 0, 'Rt1', 'create');

	test('text or an object from an expression; values not typed', async () => {
		expect(await json('{"F1": "5", "F2": null}')).toEqual({ F1: '5', F2: null });
		expect(await json('={{ { F1: [1, 2] } }}')).toEqual({ F1: [1, 2] });
	});

	test.each([
		['{"F1": ', 'Data (JSON) is not valid JSON'],
		['[{"F1": 1}]', 'Data (JSON) must be one JSON object'],
		['"F1"', 'Data (JSON) must be one JSON object'],
	])('%s is refused, naming the field', async (dataJson, message) => {
		const error = await failure(() => json(dataJson));
		expect(error.message).toBe(message);
		expect(error.description).toContain('{"F693ab1c96f11ea3f4175e710": "Spring launch"}');
	});
});

describe("Map Automatically: the input item's keys, matched to the record type's fields", () => {
	let fixture: WorkfrontFixture;
	let seed: PlanningSeed;
	beforeEach(async () => ({ fixture, seed } = await planningFixture(1)));
	afterEach(async () => await fixture.close());

	const auto = async (input: IDataObject[], options: IDataObject = {}, itemIndex = 0) =>
		await readPlanningData(
			context(
				'update',
				{ dataColumns: mapperValue({}, [], 'autoMapInputData'), options },
				input,
				fixture,
				seed,
			),
			itemIndex,
			seed.campaigns.id,
			'update',
		);

	test('a Planning record from a Get or a Search: its data, not its envelope; null clears', async () => {
		const f = seed.fields;
		const record = {
			id: seed.campaignIds[0],
			recordTypeId: seed.campaigns.id,
			data: {
				[f.name.id]: 'Copy',
				[f.budget.id]: '12',
				[f.launch.id]: null,
				[f.costPerLead.id]: 3,
			},
		};
		expect(await auto([record])).toEqual({
			[f.name.id]: 'Copy',
			[f.budget.id]: 12,
			[f.launch.id]: null,
		});
	});

	test('keys by ID, alias or name; List Fields applies as in the mapper; one read of the fields for every item', async () => {
		const f = seed.fields;
		const context = workfrontExecuteContext({
			parameters: planningRecord(seed, 'update', {
				recordId: 'Rc1',
				dataColumns: mapperValue({}, [], 'autoMapInputData'),
				options: { listChange: 'add' },
			}),
			input: [
				{ Name: 'A', [f.channels.id]: 'web' },
				{ budget: 5, Channels: ['email'] },
			],
			helper: fixture.helper,
			kind: 'serverToServer',
		});
		expect(await readPlanningData(context, 0, seed.campaigns.id, 'update')).toEqual({
			[f.name.id]: 'A',
			[f.channels.id]: [{ op: 'add', value: ['web'] }],
		});
		expect(await readPlanningData(context, 1, seed.campaigns.id, 'update')).toEqual({
			[f.budget.id]: 5,
			[f.channels.id]: [{ op: 'add', value: ['email'] }],
		});
		expect(
			fixture.simulator.planning.requests.map(({ method, path }) => `${method} ${path}`),
		).toEqual([`GET /v2/record-types/${seed.campaigns.id}/fields`]);
	});

	test('an item with no key of the record type fails, saying what Map Automatically reads', async () => {
		const error = await failure(() => auto([{ somethingElse: 1 }]));
		expect(error.message).toBe('The input item has no field of this record type');
		expect(error.description).toMatch(/its ID, alias or name/);
	});

	test('an input value its field cannot take names the input key', async () => {
		const error = await failure(() => auto([{ budget: 'lots' }]));
		expect(error.message).toBe('Input field budget: "lots" is not a number');
	});
});
