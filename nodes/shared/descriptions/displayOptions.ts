import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Shows a list of properties only for the given resource and operation (n8n's own helper is not published). */
export function showOnlyFor(
	show: IDisplayOptions['show'],
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	}));
}
