import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { testWorkfrontCredential } from '../../../credentials/jwt/testCredential';

/** **Test** on the Workfront JWT API credential (the node's `testedBy`): see testWorkfrontCredential. */
export async function workfrontJwtApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await testWorkfrontCredential(
		// The one request helper n8n gives a credential test (CredentialTestContext).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		async (options) => await this.helpers.request(options as never),
		credential.data ?? {},
	);
}
