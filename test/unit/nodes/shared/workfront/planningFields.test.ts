import { columnKind, planningColumns } from '../../../../../nodes/shared/workfront/planningFields';
import type { PlanningField } from '../../../../../nodes/shared/core/planning';

const field = (type: string, extra: Partial<PlanningField> = {}): PlanningField => ({
	id: `F${type}`,
	displayName: type === 'MULTI_SELECT' ? 'Channels (old)' : `My ${type}`,
	type,
	...extra,
});

describe("the mapper's columns follow the record type's fields", () => {
	const columns = planningColumns([
		field('TEXT'),
		field('PARAGRAPH'),
		field('NUMBER'),
		field('PERCENTAGE'),
		field('CURRENCY'),
		field('DATE'),
		field('CHECKBOX'),
		field('SINGLE_SELECT', { options: [{ name: 'a', displayName: 'Active' }] }),
		field('MULTI_SELECT', { options: [{ name: 'w', displayName: 'Web (site)' }] }),
		field('USER'),
		field('USER', { id: 'Fteam', userOptions: { multipleUsersAllowed: true } }),
		field('REFERENCE'),
		field('FORMULA'),
		field('TEXT', { id: 'Flookup', lookupOptions: { referenceFieldId: 'Fref' } }),
	]);
	const byId = Object.fromEntries(columns.map((column) => [column.id, column]));

	test('typed: text, numbers, dates, checkboxes, options, lists', () => {
		expect(Object.fromEntries(columns.map(({ id, type }) => [id, type]))).toEqual({
			FTEXT: 'string',
			FPARAGRAPH: 'string',
			FNUMBER: 'number',
			FPERCENTAGE: 'number',
			FCURRENCY: 'number',
			FDATE: 'dateTime',
			FCHECKBOX: 'boolean',
			FSINGLE_SELECT: 'options',
			FMULTI_SELECT: 'array',
			FUSER: 'string',
			Fteam: 'array',
			FREFERENCE: 'array',
			FFORMULA: 'string',
			Flookup: 'string',
		});
		expect(byId.FSINGLE_SELECT.options).toEqual([{ name: 'Active', value: 'a' }]);
	});

	test('formula and lookup columns are read-only and removed, so never sent', () => {
		for (const id of ['FFORMULA', 'Flookup'])
			expect(byId[id]).toMatchObject({ readOnly: true, removed: true });
		expect(columns.filter(({ readOnly }) => readOnly)).toHaveLength(2);
	});

	test("each column's name says its Planning type, read back without a request", () => {
		expect(columns.map((column) => [column.id, columnKind(column)])).toEqual([
			['FTEXT', 'TEXT'],
			['FPARAGRAPH', 'PARAGRAPH'],
			['FNUMBER', 'NUMBER'],
			['FPERCENTAGE', 'PERCENTAGE'],
			['FCURRENCY', 'CURRENCY'],
			['FDATE', 'DATE'],
			['FCHECKBOX', 'CHECKBOX'],
			['FSINGLE_SELECT', 'SINGLE_SELECT'],
			['FMULTI_SELECT', 'MULTI_SELECT'],
			['FUSER', 'USER'],
			['Fteam', 'USER'],
			['FREFERENCE', 'REFERENCE'],
			['FFORMULA', undefined],
			['Flookup', undefined],
		]);
		expect(byId.FMULTI_SELECT.displayName).toBe('Channels (old) (multi-select, Web site)');
	});
});
