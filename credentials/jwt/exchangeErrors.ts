import { WorkfrontCredentialError } from '../../nodes/shared/core/errors';

/** What the exchange endpoint answered, reduced to what the error messages may use. */
export interface ExchangeAnswer {
	status: number;
	/** Workfront's own words (`message`, `error_description`, …), already free of secrets. */
	serverMessage?: string;
	notJson: boolean;
}

const CHECK_KEY_PAIR =
	'the public key or certificate uploaded to the OAuth2 application in Workfront does not belong to this Private Key, or was uploaded by another user than User ID. Upload the matching certificate (or paste the matching private key) and check User ID.';

interface Cause {
	pattern: RegExp;
	message: string;
	field: string;
}

/** Ordered: the first cause whose words appear in Workfront's message wins. */
const CAUSES: Cause[] = [
	{
		pattern: /client/i,
		field: 'Client ID',
		message:
			'Workfront did not accept the Client ID or Client Secret. Copy both again from Setup > System > OAuth2 Applications > your application; if the secret was lost, generate a new one there.',
	},
	{
		pattern: /signature|verif/i,
		field: 'Private Key',
		message: `Workfront rejected the JWT signature: ${CHECK_KEY_PAIR}`,
	},
	{
		pattern: /expir|not yet valid|\bnbf\b|\biat\b|clock|too (old|new)/i,
		field: 'JWT Lifetime',
		message:
			'Workfront rejected the JWT as expired or not yet valid. The clock of the machine running n8n is probably wrong: set it right (enable NTP time sync). A JWT Lifetime of a few minutes is recommended.',
	},
	{
		pattern: /customer|issuer|\biss\b/i,
		field: 'Customer ID',
		message:
			'Workfront did not accept the Customer ID (the JWT issuer). Copy the Customer ID from the OAuth2 application details in Workfront.',
	},
	{
		pattern: /user|subject|\bsub\b/i,
		field: 'User ID',
		message:
			'Workfront did not accept the User ID (the JWT subject). Enter the ID of the active Workfront user who uploaded the public key to this OAuth2 application.',
	},
];

function withServerWords(message: string, answer: ExchangeAnswer): string {
	return answer.serverMessage
		? `${message} (HTTP ${answer.status}; Workfront said: "${answer.serverMessage}")`
		: `${message} (HTTP ${answer.status})`;
}

/** Turns a refused exchange into the message that names the likely cause and the field to check. */
export function explainRefusedExchange(
	answer: ExchangeAnswer,
	origin: string,
): WorkfrontCredentialError {
	const { status, serverMessage, notJson } = answer;
	if (notJson) {
		return new WorkfrontCredentialError(
			withServerWords(
				`${origin} answered the token exchange with a web page instead of JSON, so it is probably not your Workfront API host. Check Workfront URL: use the host you see when logged in to Workfront, for example yourdomain.my.workfront.com`,
				answer,
			),
			'Workfront URL',
		);
	}
	if (status === 404 || status === 405) {
		return new WorkfrontCredentialError(
			withServerWords(
				`${origin} has no Workfront JWT exchange endpoint. Check Workfront URL: it must be your Workfront host, for example yourdomain.my.workfront.com`,
				answer,
			),
			'Workfront URL',
		);
	}
	if (status === 429) {
		return new WorkfrontCredentialError(
			withServerWords(
				'Workfront is receiving too many requests for your organisation. Wait a minute and try again.',
				answer,
			),
		);
	}
	if (status >= 500) {
		return new WorkfrontCredentialError(
			withServerWords(
				'Workfront could not answer the token exchange because of a problem on its side. Try again in a few minutes.',
				answer,
			),
		);
	}
	const cause = serverMessage
		? CAUSES.find(({ pattern }) => pattern.test(serverMessage))
		: undefined;
	if (cause)
		return new WorkfrontCredentialError(withServerWords(cause.message, answer), cause.field);

	return new WorkfrontCredentialError(
		withServerWords(
			`Workfront refused the token exchange. Check Client ID, Client Secret, Customer ID and User ID, and that ${CHECK_KEY_PAIR}`,
			answer,
		),
	);
}
