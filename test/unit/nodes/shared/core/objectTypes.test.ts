import { findObjectType, OBJECT_TYPES } from '../../../../../nodes/shared/core/objectTypes';

test('each object type is listed once, by its code in upper case', () => {
	const codes = OBJECT_TYPES.map(({ objCode }) => objCode);
	expect(new Set(codes).size).toBe(codes.length);
	for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
});

test('findObjectType reads a code in any case; an unknown one is undefined', () => {
	expect(findObjectType('proj')?.objCode).toBe('PROJ');
	expect(findObjectType('OPTASK')?.label).toBe('Issue');
	expect(findObjectType('NOPE')).toBeUndefined();
});
