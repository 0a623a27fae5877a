import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { readServerToServerFields } from '../../../../credentials/ims/imsFields';
import { requestImsToken } from '../../../../credentials/ims/imsToken';
import { fc, holdsForAsync } from '../../../support/properties';

/**
 * Whatever Adobe IMS (or whatever answers in its place) says to the token request, the answer
 * the credential gives is a token or an error that names what to check, never a secret; every
 * answer ends within the deadline. Adobe documents no error body, so the generated answers cover
 * the OAuth 2.0 shape, unknown codes, other shapes, pages that are not JSON, and words that quote
 * the request back in several encodings.
 */
const SECRET = 'p8e-Generated-Secret-9f31c2d7a4b6';

interface Answer {
	status: number;
	body: string;
	contentType: string;
}

let server: Server;
let origin: string;
let next: Answer = { status: 200, body: '{}', contentType: 'application/json' };

beforeAll(async () => {
	server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			response.writeHead(next.status, { 'content-type': next.contentType });
			response.end(next.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The secret as a server might quote it back. */
const quoted = fc.constantFrom(
	SECRET,
	encodeURIComponent(SECRET),
	`client_secret=${SECRET}`,
	Buffer.from(SECRET).toString('base64'),
	JSON.stringify(SECRET).slice(1, -1),
	SECRET.toUpperCase(),
);

const codes = fc.constantFrom(
	'invalid_client',
	'invalid_scope',
	'unauthorized_client',
	'invalid_request',
	'invalid_grant',
	'unsupported_grant_type',
	'server_error',
	'INVALID_CLIENT',
	'something_new',
);

const answers: fc.Arbitrary<Answer> = fc.oneof(
	fc
		.record({
			status: fc.constantFrom(400, 401, 403, 429, 500, 503),
			code: codes,
			words: fc
				.tuple(fc.string({ maxLength: 40 }), quoted)
				.map(([text, secret]) => `${text} ${secret}`),
		})
		.map(({ status, code, words }) => ({
			status,
			body: JSON.stringify({ error: code, error_description: words }),
			contentType: 'application/json',
		})),
	fc
		.record({ status: fc.constantFrom(400, 401, 502), secret: quoted })
		.map(({ status, secret }) => ({
			status,
			body: `<html><body>Error: ${secret}</body></html>`,
			contentType: 'text/html',
		})),
	fc
		.record({ status: fc.constantFrom(200, 201), json: fc.jsonValue() })
		.map(({ status, json }) => ({
			status,
			body: JSON.stringify(json),
			contentType: 'application/json',
		})),
	fc.string({ minLength: 8, maxLength: 60 }).map((token) => ({
		status: 200,
		body: JSON.stringify({
			access_token: token.trim() || 'x',
			token_type: 'bearer',
			expires_in: 86399,
		}),
		contentType: 'application/json',
	})),
);

test('every IMS answer becomes a token or an error that names what to check, free of the secret', async () => {
	const fields = readServerToServerFields({
		url: 'https://acme.my.workfront.com',
		imsUrl: origin,
		clientId: 'generated-client',
		clientSecret: SECRET,
		scopes: 'openid',
		imsOrgId: 'ABC@AdobeOrg',
		requestTimeout: 5,
	});
	const send = async (options: IHttpRequestOptions) => await httpRequest(options);
	await holdsForAsync(
		'IMS answers: a token, or an error naming what to check and free of the secret',
		answers,
		async (answer) => {
			next = answer;
			const outcome = await requestImsToken(send, fields).then(
				(token) => ({ token }),
				(error: unknown) => ({ error: error as Error & { field?: string } }),
			);
			if ('token' in outcome) {
				if (!/^2/.test(String(answer.status)) || !answer.body.includes('access_token'))
					throw new Error(`a token from ${JSON.stringify(answer)}`);
				return;
			}
			const { message } = outcome.error;
			for (const form of [
				SECRET,
				encodeURIComponent(SECRET),
				Buffer.from(SECRET).toString('base64'),
				SECRET.toUpperCase(),
			]) {
				if (message.includes(form)) throw new Error(`the secret in: ${message}`);
			}
			if (!/HTTP \d{3}|without an access token/.test(message))
				throw new Error(`no status in: ${message}`);
			const code = /"error":"(\w+)"/.exec(answer.body)?.[1]?.toLowerCase();
			const field = {
				invalid_client: 'Client ID',
				unauthorized_client: 'Client ID',
				invalid_scope: 'Scopes',
			}[code ?? ''];
			if (field && outcome.error.field !== field)
				throw new Error(`${code} did not name ${field}: ${message}`);
		},
		{ runs: 300 },
	);
});
