import { isWatchable } from '../../../../nodes/WorkfrontPollTrigger/methods';
import { WorkfrontPollTrigger } from '../../../../nodes/WorkfrontPollTrigger/WorkfrontPollTrigger.node';
import { editorContext } from '../../../harness/loadOptions';
import { defineCustomForm } from '../../../simulator/model/customForms';
import { freshFixturePerTest } from '../../../support/workfrontNode';

/** The Fields to Watch picker, in n8n-core's editor context against the simulator. */
const fixture = freshFixturePerTest();
const store = () => fixture().simulator.state.store;

test.each([
	['status', true],
	['DE:Stage', true],
	['DE:Region:Sub', true],
	['project:name', false],
	['owner:ID', false],
	['tasks:name', false],
])(
	'%s can be watched: %s (a change there changes the record’s own last update date)',
	(field, watchable) => {
		expect(isWatchable(field)).toBe(watchable);
	},
);

test('the picker lists the fields of the record and its custom fields, not those of referenced records', async () => {
	defineCustomForm(store(), {
		name: 'Delivery',
		objCode: 'TASK',
		fields: [{ name: 'Stage', displayType: 'SLCT', options: ['Draft', 'Final'] }],
	});
	const load = new WorkfrontPollTrigger().methods.loadOptions.getWatchableFields;
	const options = await load.call(
		editorContext(fixture().helper, { objectType: 'TASK' }, 'parameters.watchFields'),
	);
	const values = options.map(({ value }) => String(value));
	expect(values).toEqual(expect.arrayContaining(['status', 'priority', 'DE:Stage']));
	expect(values.filter((value) => value.includes(':') && !value.startsWith('DE:'))).toEqual([]);
	// The general field picker does offer them (e.g. project:name): they were left out here.
	const all = await new WorkfrontPollTrigger().methods.loadOptions.getFields.call(
		editorContext(fixture().helper, { objectType: 'TASK' }, 'parameters.watchFields'),
	);
	expect(all.map(({ value }) => value)).toContain('project:name');
});
