// Run by a plain `node` (no Jest, no transpiler): loads the built credential the way n8n's loader
// does, with CommonJS require, then signs and "exchanges" a JWT through a stand-in httpRequest.
const { generateKeyPairSync } = require('node:crypto');
const { resolve } = require('node:path');

const { WorkfrontJwtApi } = require(
	resolve(process.argv[2], 'dist/credentials/WorkfrontJwtApi.credentials.js'),
);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const credential = new WorkfrontJwtApi();
let sentBody = '';
credential.preAuthentication
	.call(
		{
			helpers: {
				httpRequest: async (options) => {
					sentBody = options.body;
					return { statusCode: 200, body: { access_token: 'token-from-stand-in' } };
				},
			},
		},
		{
			url: 'acme.my.workfront.com',
			clientId: 'client',
			clientSecret: 'secret',
			customerId: 'customer',
			userId: 'user',
			privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			jwtLifetime: 300,
		},
	)
	.then((output) => {
		const jwt = new URLSearchParams(sentBody).get('jwt_token');
		const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString());
		process.stdout.write(
			JSON.stringify({ node: process.version, output, header, name: credential.name }),
		);
	})
	.catch((error) => {
		process.stderr.write(String(error && error.stack));
		process.exit(1);
	});
