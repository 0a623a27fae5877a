/**
 * The Workfront Trigger and the simulator checked against what Adobe publishes about event
 * subscriptions (test/conformance/adobe-event-subscriptions.json, written by
 * extractEventSubscriptions.ts from Adobe's "Event Subscription API" and "Event subscription
 * resource fields" pages), not against each other.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { triggerProperties } from '../../nodes/WorkfrontTrigger/description';
import { SUBSCRIBABLE_TYPES } from '../../nodes/WorkfrontTrigger/objectTypes';
import {
	MAX_FILTER_GROUPS,
	MAX_FILTERS_PER_GROUP,
	MIN_FILTERS_PER_GROUP,
} from '../../nodes/shared/core/limits';
import { WorkfrontTrigger } from '../../nodes/WorkfrontTrigger/WorkfrontTrigger.node';
import { FILTER_GROUP_LIMITS, SUBSCRIBABLE } from '../simulator/events';
import adobe from './adobe-event-subscriptions.json';

const options = (name: string) =>
	(triggerProperties.find((property) => property.name === name)?.options ??
		[]) as INodePropertyOptions[];

describe('the object types of the Workfront Trigger, against Adobe’s objCode table', () => {
	const offered = options('objectType');

	test('Adobe’s page lists the same 31 objects in its list and in its objCode table', () => {
		expect(adobe.objects.map(({ name }) => name)).toEqual(adobe.listed);
		expect(adobe.objects).toHaveLength(31);
	});

	test('every type offered is one Adobe documents, with Adobe’s name and the code’s case, and every one Adobe documents is offered', () => {
		const documented = adobe.objects.map(({ name, objCode }) => ({ name, value: objCode }));
		expect(offered.map(({ name, value }) => ({ name, value }))).toEqual(documented);
		expect(offered.map(({ value }) => value)).toContain('approval');
		expect(offered.map(({ value }) => value)).toEqual(
			expect.arrayContaining(['RECORD', 'RECORD_TYPE', 'WORKSPACE', 'FIELD']),
		);
	});

	test('the types only the resource fields page names (PARAM, CTGY) are not offered', () => {
		expect(adobe.resourcePageOnly.sort()).toEqual(['CTGY', 'PARAM']);
		for (const objCode of adobe.resourcePageOnly)
			expect(offered.map(({ value }) => value)).not.toContain(objCode);
	});

	test('the types marked "(Event Subs v2)" on the resource fields page are the node’s v2-only types', () => {
		const resources = adobe.resources as Record<string, { v2Only: boolean }>;
		expect(SUBSCRIBABLE_TYPES.filter(({ v2Only }) => v2Only).map(({ objCode }) => objCode)).toEqual(
			adobe.objects.map(({ objCode }) => objCode).filter((code) => resources[code].v2Only),
		);
		expect(SUBSCRIBABLE_TYPES.filter(({ v2Only }) => v2Only)).toHaveLength(13);
	});

	test('the canvas subtitle names every type offered by Adobe’s name', () => {
		const subtitle = String(new WorkfrontTrigger().description.subtitle);
		for (const { name, value } of offered)
			expect(subtitle).toContain(`${JSON.stringify(value)}:${JSON.stringify(name)}`);
	});

	test('the simulator accepts exactly Adobe’s objCodes', () => {
		expect([...SUBSCRIBABLE].sort()).toEqual(adobe.objects.map(({ objCode }) => objCode).sort());
	});

	test('the events offered are Adobe’s event types', () => {
		expect(
			options('events')
				.map(({ value }) => value)
				.sort(),
		).toEqual([...adobe.eventTypes].sort());
	});
});

describe('filters and filter groups, against Adobe’s page', () => {
	test('the node’s group limits are Adobe’s: 10 groups, 2 to 5 filters each', () => {
		expect({
			maxGroups: MAX_FILTER_GROUPS,
			minFiltersPerGroup: MIN_FILTERS_PER_GROUP,
			maxFiltersPerGroup: MAX_FILTERS_PER_GROUP,
		}).toEqual({
			maxGroups: adobe.filterGroups.maxGroupsPerSubscription.value,
			minFiltersPerGroup: adobe.filterGroups.minFiltersPerGroup.value,
			maxFiltersPerGroup: adobe.filterGroups.maxFiltersPerGroup.value,
		});
		expect(FILTER_GROUP_LIMITS).toEqual({
			maxGroups: 10,
			maxFiltersPerGroup: 5,
			minFiltersPerGroup: 2,
		});
	});

	test('the comparisons offered are the ones Adobe allows, in and out of groups', () => {
		const filterFields = (
			triggerProperties.find(({ name }) => name === 'filters')?.options?.[0] as {
				values: Array<{ name: string; options?: INodePropertyOptions[] }>;
			}
		).values;
		const comparisons = filterFields.find(({ name }) => name === 'comparison')?.options ?? [];
		expect(comparisons.map(({ value }) => value).sort()).toEqual(
			[...adobe.filterGroups.comparisons].sort(),
		);
	});
});
