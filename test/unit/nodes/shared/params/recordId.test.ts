import { parseRecordId, RecordIdError } from '../../../../../nodes/shared/params/recordId';

const ID = '5f8e3a7b0000a1b2c3d4e5f60718293a';

function refusal(raw: unknown): RecordIdError {
	try {
		parseRecordId(raw, 'Record');
	} catch (error) {
		if (error instanceof RecordIdError) return error;
		throw error;
	}
	throw new Error(`${JSON.stringify(raw)} was accepted`);
}

describe('record IDs', () => {
	test.each([
		['plain text, trimmed', `  ${ID} `],
		['a number-like value from an expression', ID],
		['a resource locator by ID', { mode: 'id', value: ID }],
		['a resource locator from the list', { mode: 'list', value: ID }],
		['a pasted Workfront URL', `https://acme.my.workfront.com/project/${ID}/overview`],
		['a URL locator', { mode: 'url', value: `https://acme.my.workfront.com/task/${ID}?tab=x` }],
	])('%s', (_, raw) => {
		expect(parseRecordId(raw, 'Record')).toBe(ID);
	});

	test('an empty value says how to give one', () => {
		const error = refusal({ mode: 'id', value: '  ' });
		expect(error.message).toBe('Record is empty');
		expect(error.description).toMatch(/\{\{ \$json\.ID \}\}/);
	});

	test('a URL without an ID is refused, naming it', () => {
		expect(refusal('https://acme.my.workfront.com/projects').message).toBe(
			'Record: the URL "https://acme.my.workfront.com/projects" does not contain a Workfront ID',
		);
	});

	test.each(['../metadata', 'abc/def', 'a b', 'x?y=1', 'id#frag'])(
		'"%s" cannot reshape a request path',
		(raw) => {
			expect(refusal(raw).message).toBe(`Record: "${raw}" is not a Workfront ID`);
		},
	);

	// Workfront reads a shorter word in an ID's place as an action: `task/t` answered "The action t
	// needs an ID parameter" (HTTP 422). Refused here, with the advice, before anything is sent.
	test.each([
		't',
		'00',
		'copy',
		ID.slice(1),
		`${ID}0`,
		`${ID.slice(0, 31)}_`,
		`${ID.slice(0, 31)}-`,
	])('"%s" is not 32 letters and digits, so not an ID', (raw) => {
		const error = refusal(raw);
		expect(error.message).toBe(`Record: "${raw}" is not a Workfront ID`);
		expect(error.description).toMatch(/32 letters and digits/);
	});

	test('objects other than a locator are refused', () => {
		expect(refusal({ some: 'thing' }).message).toBe('Record is empty');
	});
});
