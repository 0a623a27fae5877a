import { data } from './http';
import { uploadFile } from './fileRoutes';
import { objectRoutes } from './objectRoutes';
import type { ApiRoute } from './routing';

/**
 * The REST endpoints below /attask/api/<version>/. Later features add their endpoints to this
 * table (object search, CRUD, metadata, uploads) rather than to the server.
 */
export const apiRoutes: ApiRoute[] = [
	{
		method: 'GET',
		pattern: 'session',
		handler: (_request, { session }) =>
			data({
				sessionID: session.token,
				userID: session.userId,
				customerID: session.customerId,
				isAdmin: true,
				locale: 'en_US',
				timeZone: 'America/Denver',
			}),
	},
	{ method: 'POST', pattern: 'upload', handler: uploadFile },
	...objectRoutes,
];
