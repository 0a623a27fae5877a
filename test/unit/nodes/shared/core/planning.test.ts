import {
	FILTER_CONDITIONS,
	isComputedField,
	pairBulkResults,
	readProblemDetail,
} from '../../../../../nodes/shared/core/planning';
import { planningSpec } from '../../../../simulator/planning/spec';

describe("Planning's facts against Adobe's OpenAPI file", () => {
	test('the conditions are exactly SPEC FilterCondition', () => {
		expect(FILTER_CONDITIONS.map(({ value }) => value).sort()).toEqual(
			[...(planningSpec.schemas.FilterCondition.enum as string[])].sort(),
		);
	});

	test('formulas, lookups and types outside the enum are computed; URL and the writable types are not', () => {
		expect(isComputedField({ type: 'FORMULA' })).toBe(true);
		expect(isComputedField({ type: 'TEXT', lookupOptions: { referenceFieldId: 'F1' } })).toBe(true);
		expect(isComputedField({ type: 'CREATED_BY' })).toBe(true);
		expect(isComputedField({ type: 'URL' })).toBe(false);
		for (const type of ['TEXT', 'NUMBER', 'USER', 'REFERENCE', 'MULTI_SELECT', 'CHECKBOX'])
			expect(isComputedField({ type })).toBe(false);
	});
});

describe('readProblemDetail (SPEC V2ProblemDetail)', () => {
	test('every documented key, field errors included', () => {
		expect(
			readProblemDetail({
				title: 'Bad Request',
				status: 400,
				detail: 'Workspace name can not be blank',
				errorCode: 'VALIDATION_FAILED',
				requestId: 'req-1',
				errors: [{ field: 'name', message: 'can not be blank', code: 'NotBlank' }, 'junk'],
			}),
		).toEqual({
			title: 'Bad Request',
			status: 400,
			detail: 'Workspace name can not be blank',
			errorCode: 'VALIDATION_FAILED',
			requestId: 'req-1',
			errors: [{ field: 'name', message: 'can not be blank', code: 'NotBlank' }],
		});
	});

	test('an answer that is no problem detail is none', () => {
		expect(readProblemDetail('<html>')).toBeUndefined();
		expect(readProblemDetail({ data: 1 })).toBeUndefined();
	});
});

describe('pairBulkResults (SPEC RecordBulkResponseDto)', () => {
	test('results out of order are paired by requestIndex', () => {
		expect(
			pairBulkResults(
				{
					status: 'partial',
					results: [
						{ requestIndex: 2, status: 'success', id: 'Rc3', record: { id: 'Rc3' } },
						{ requestIndex: 0, status: 'error', error: { code: 'X', message: 'no' } },
						{ requestIndex: 1, status: 'success', id: 'Rc2' },
					],
				},
				3,
			),
		).toEqual([
			{ kind: 'error', code: 'X', message: 'no', details: undefined },
			{ kind: 'success', id: 'Rc2', record: undefined },
			{ kind: 'success', id: 'Rc3', record: { id: 'Rc3' } },
		]);
	});

	test('a missing result is unknown, with the request-level errors as the reason', () => {
		const outcomes = pairBulkResults(
			{
				errors: [{ code: 'RATE_LIMIT_EXCEEDED', message: '1 items were skipped' }],
				results: [{ requestIndex: 0, status: 'success' }],
			},
			2,
		);
		expect(outcomes[1]).toEqual({
			kind: 'unknown',
			reason: 'RATE_LIMIT_EXCEEDED: 1 items were skipped',
		});
	});

	test('two results for one item, an index out of range, an unknown status: never a success', () => {
		const outcomes = pairBulkResults(
			{
				results: [
					{ requestIndex: 0, status: 'success' },
					{ requestIndex: 0, status: 'error', error: { message: 'no' } },
					{ requestIndex: 7, status: 'success' },
					{ requestIndex: 1, status: 'maybe' },
				],
			},
			2,
		);
		expect(outcomes.map(({ kind }) => kind)).toEqual(['unknown', 'unknown']);
	});

	test('results without requestIndex are paired by position ("in the same order as the input")', () => {
		expect(
			pairBulkResults({ results: [{ status: 'error', error: {} }, { status: 'success' }] }, 2).map(
				({ kind }) => kind,
			),
		).toEqual(['error', 'success']);
	});

	test('no results: every item done only when the answer says success for all of them', () => {
		expect(pairBulkResults({ status: 'success', total: 2, failed: 0 }, 2)).toEqual([
			{ kind: 'success' },
			{ kind: 'success' },
		]);
		expect(pairBulkResults({ status: 'success', total: 3, failed: 0 }, 2)[0].kind).toBe('unknown');
		expect(pairBulkResults('oops', 1)[0].kind).toBe('unknown');
	});
});
