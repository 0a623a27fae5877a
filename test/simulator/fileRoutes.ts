import { apiError, data, type SimRequest, type SimResponse } from './http';
import { WorkfrontFault } from './model/store';
import { parseMultipart } from './multipart';
import type { ApiContext } from './routing';
import type { SimulatorState } from './state';

function asError(error: unknown): SimResponse {
	if (error instanceof WorkfrontFault)
		return apiError(error.status, error.errorClass, error.message);
	throw error;
}

/** POST /attask/api/<v>/upload: the file in the `uploadedFile` part; answers `{"data":{"handle"}}`. */
export function uploadFile(request: SimRequest, { state }: ApiContext): SimResponse {
	try {
		const part = parseMultipart(request.rawBody, request.contentType).find(
			({ field }) => field === 'uploadedFile',
		);
		if (!part)
			return apiError(
				422,
				'com.attask.common.InvalidParameterException',
				'The upload has no uploadedFile part',
			);
		const handle = state.files.upload({
			data: part.data,
			fileName: part.fileName || 'upload',
			contentType: part.contentType || 'application/octet-stream',
		});
		return data({ handle });
	} catch (error) {
		return asError(error);
	}
}

/** GET /internal/document/download?ID=<doc>[&versionID=<version>]: the file, with its name and type. */
export function downloadDocument(request: SimRequest, state: SimulatorState): SimResponse {
	const document = state.store.get('DOCU', request.query.get('ID') ?? '');
	if (!document)
		return apiError(
			404,
			'com.attask.common.NotFoundException',
			`Document ${request.query.get('ID')} was not found`,
		);
	const versionId = request.query.get('versionID') ?? String(document.currentVersionID ?? '');
	const version = state.store.get('DOCV', versionId);
	const file = state.files.versions.get(versionId);
	if (!version || version.documentID !== document.ID || !file) {
		return apiError(
			404,
			'com.attask.common.NotFoundException',
			`Version ${versionId} of document ${document.ID} was not found`,
		);
	}
	return {
		status: 200,
		raw: file.data,
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
		},
	};
}
