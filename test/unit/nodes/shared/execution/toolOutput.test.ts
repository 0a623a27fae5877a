import type { IDataObject } from 'n8n-workflow';

import { agentPaths, shapeRecord } from '../../../../../nodes/shared/execution/toolOutput';

const task: IDataObject = {
	ID: 'task-1',
	name: 'Copywriting',
	status: 'CUR',
	project: { ID: 'proj-1', name: 'Launch', owner: { name: 'Ann' } },
	assignments: [{ ID: 'a1' }],
	empty: null,
};

describe("a Fields box's paths", () => {
	test('comma-separated, trimmed, empty ones left out', () => {
		expect(agentPaths(' name , project.name,,  ,status ')).toEqual([
			'name',
			'project.name',
			'status',
		]);
		expect(agentPaths('')).toEqual([]);
	});
});

describe('one record shaped for the agent', () => {
	test('all fields: the record as it is', () => {
		expect(shapeRecord(task, { include: 'all', paths: ['name'] })).toBe(task);
	});

	test('no paths given: the record as it is, whatever the choice', () => {
		expect(shapeRecord(task, { include: 'selected', paths: [] })).toBe(task);
		expect(shapeRecord(task, { include: 'except', paths: [] })).toBe(task);
	});

	test('selected: only those fields, nested ones in their place', () => {
		expect(
			shapeRecord(task, {
				include: 'selected',
				paths: ['name', 'project.name', 'project.owner.name', 'empty'],
			}),
		).toEqual({
			name: 'Copywriting',
			project: { name: 'Launch', owner: { name: 'Ann' } },
			empty: null,
		});
	});

	test('selected: a path the record does not have is left out, not written as undefined', () => {
		const shaped = shapeRecord(task, {
			include: 'selected',
			paths: ['ID', 'nothing', 'project.nothing', 'name.length', 'status.x'],
		});
		expect(shaped).toEqual({ ID: 'task-1' });
		expect(Object.keys(shaped)).toEqual(['ID']);
	});

	test('selected: inherited properties are not fields', () => {
		expect(
			shapeRecord(task, { include: 'selected', paths: ['toString', 'project.constructor'] }),
		).toEqual({});
	});

	test('except: everything but those fields; the record itself is left untouched', () => {
		const shaped = shapeRecord(task, {
			include: 'except',
			paths: ['status', 'project.owner', 'assignments', 'nothing.here'],
		});
		expect(shaped).toEqual({
			ID: 'task-1',
			name: 'Copywriting',
			project: { ID: 'proj-1', name: 'Launch' },
			empty: null,
		});
		expect(task.status).toBe('CUR');
		expect((task.project as IDataObject).owner).toEqual({ name: 'Ann' });
	});

	test('selected: the record is not changed either', () => {
		const before = structuredClone(task);
		shapeRecord(task, { include: 'selected', paths: ['project.name'] });
		expect(task).toEqual(before);
	});
});
