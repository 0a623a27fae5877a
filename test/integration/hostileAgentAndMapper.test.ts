// The agent tool's field paths never reach a prototype, and mapper column names are read from
// their last bracket only (found by an outside review).
import { shapeRecord } from '../../nodes/shared/execution/toolOutput';
import { columnKind } from '../../nodes/shared/workfront/planningFields';
import { record, WorkfrontFixture } from '../support/workfrontNode';

const TOOL = 'n8n-nodes-workfront.workfrontTool';

afterEach(() => {
	delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('agent tool: Fields to Include with a hostile answer', () => {
	test('shapeRecord: a parsed answer with an own "__proto__" key and the path __proto__.polluted', () => {
		const parsed = JSON.parse('{"ID":"1","__proto__":{"polluted":"yes"}}') as Record<string, never>;
		shapeRecord(parsed, { include: 'selected', paths: ['__proto__.polluted'] });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	test('through the tool: Workfront (or what answers for it) sends "__proto__" in a record', async () => {
		const fixture = await WorkfrontFixture.start();
		try {
			fixture.simulator.failNext(1, 200, {
				path: /\/proj\/search$/i,
				raw: '{"data":[{"ID":"a1","name":"x","__proto__":{"polluted":"yes"}}]}',
				headers: { 'content-type': 'application/json' },
			});
			await fixture.run(
				record('getMany', {
					returnAll: true,
					agentFieldsToInclude: 'selected',
					agentFields: 'ID, name, __proto__.polluted',
				}),
				undefined,
				{ type: TOOL, continueOnFail: true },
			);
			// Every object of the n8n process now has `polluted`.
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		} finally {
			await fixture.close();
		}
	});
});

describe('mapper column names: only the last bracket is read', () => {
	// Linear by construction (lastIndexOf, then the bracket's own text): no regular expression runs
	// over the whole name, which a name of many "(a, " made quadratic (about 3 s for 100 KB).
	test('a long name of brackets still gives the kind its last bracket names, or none', () => {
		const prefix = '(a, '.repeat(25_000);
		expect(columnKind({ displayName: `${prefix}Budget (currency)` })).toBe('CURRENCY');
		expect(columnKind({ displayName: `${prefix}Budget (currency, a note)` })).toBe('CURRENCY');
		expect(columnKind({ displayName: prefix })).toBeUndefined();
		expect(columnKind({ displayName: `Budget (currency) ${prefix}` })).toBeUndefined();
	});
});
