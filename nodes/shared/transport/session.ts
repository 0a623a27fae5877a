import type { IDataObject } from 'n8n-workflow';

import type { WorkfrontContext } from './connection';
import { workfrontRequest } from './request';

/**
 * The ID of the Workfront user the node's requests act as: the JWT credential's User ID, the user
 * who signed in with the user-login credential, a Developer Console credential's technical
 * account. Asked of Workfront, since only the first says it in a field: a user search for
 * `$$USER.ID`, Workfront's filter wildcard for the user a request acts as (Experience League,
 * text-mode filters: "assignedToID=$$USER.ID"). Not `GET session`, whose answer carries the
 * session itself and is refused to every request of the nodes.
 */
export async function actingUserId(context: WorkfrontContext): Promise<string | undefined> {
	const users = await workfrontRequest<IDataObject[]>(context, {
		method: 'GET',
		path: 'user/search',
		query: [
			['ID', '$$USER.ID'],
			['fields', 'ID'],
			['$$LIMIT', '1'],
		],
	});
	const userId = Array.isArray(users) ? users[0]?.ID : undefined;
	return typeof userId === 'string' && userId !== '' ? userId : undefined;
}
