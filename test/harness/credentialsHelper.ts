import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

/**
 * n8n's CLI keeps credentials in its database, which a test cannot run; this stands in for that
 * store only. The rules that decide when `preAuthentication` runs and what is written back follow
 * n8n's own CredentialsHelper (packages/cli/src/credentials-helper.ts): the hook runs when the
 * expirable field is empty, after a 401, or when the user presses Test (n8n's CredentialsTester),
 * and its output is persisted.
 */
export class InMemoryCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, ICredentialDataDecryptedObject>();

	/** Every time the hook really ran, for assertions about exchanges. */
	readonly preAuthenticationRuns: Array<{ credentialId: string; expired: boolean }> = [];

	constructor(private readonly types: Record<string, ICredentialType>) {
		super();
	}

	set(id: string, data: ICredentialDataDecryptedObject): void {
		this.store.set(id, { ...data });
	}

	get(id: string): ICredentialDataDecryptedObject {
		const data = this.store.get(id);
		if (!data) throw new Error(`No credential with id ${id}`);
		return { ...data };
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	/** The types a credential type extends (an OAuth2 credential: oAuth2Api), as n8n reads them. */
	getParentTypes(name: string): string[] {
		const parents = this.types[name]?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const options = requestOptions as IHttpRequestOptions &
				Record<string, Record<string, unknown>>;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				options[outerKey] ??= {};
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					options[outerKey][key] = workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials },
					);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials)
			return undefined;

		const reference = node.credentials?.[typeName];
		this.preAuthenticationRuns.push({
			credentialId: reference?.id ?? '',
			expired: credentialsExpired,
		});
		const output = await type.preAuthentication.call(
			{ helpers: { httpRequest: helpers.helpers.httpRequest } },
			credentials,
		);
		if (output[expirable.name] === undefined) return undefined;
		if (reference?.id) {
			this.store.set(reference.id, {
				...this.get(reference.id),
				...(output as ICredentialDataDecryptedObject),
			});
		}
		return Object.assign(credentials, output);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const credentials = new Credentials(
			{ id: nodeCredentials.id, name: nodeCredentials.name },
			type,
		);
		credentials.setData(this.get(nodeCredentials.id ?? ''));
		return credentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return this.withDefaults(type, this.get(nodeCredentials.id ?? ''));
	}

	/**
	 * As n8n does when it decrypts (its CredentialsHelper.applyDefaultsAndOverwrites): fields the
	 * user never saved get their defaults, then expressions among them are resolved with `$self`
	 * as the credential's own data (an OAuth2 credential's URLs are built so).
	 */
	withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const defaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			data as never,
			true,
			false,
			null,
			null,
		);
		const merged = { ...(defaults as ICredentialDataDecryptedObject), ...data };
		const node: INode = {
			id: 'credential',
			name: 'Credential',
			type: 'test.credential',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => ({ description: { properties: [] } }) as never,
				getByNameAndVersion: () => ({ description: { properties: [] } }) as never,
				getKnownTypes: () => ({}),
			},
		});
		return workflow.expression.getComplexParameterValue(
			node,
			merged as never,
			'internal',
			{},
			undefined,
			undefined,
			merged,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(nodeCredentials.id ?? '', { ...data });
	}

	/** Where n8n stores an OAuth2 credential's renewed tokens. */
	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const id = nodeCredentials.id ?? '';
		this.store.set(id, { ...this.get(id), oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}
