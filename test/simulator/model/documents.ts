import { randomBytes } from 'node:crypto';

import { specFor, type ObjectSpec } from './schema';
import { invalidParameter, notFound, type ObjectStore, type WfRecord } from './store';

export interface StoredFile {
	data: Buffer;
	fileName: string;
	contentType: string;
}

/** Uploaded files waiting for a document (by handle), and the files of document versions. */
export class FileStore {
	readonly uploads = new Map<string, StoredFile>();

	readonly versions = new Map<string, StoredFile>();

	upload(file: StoredFile): string {
		const handle = randomBytes(16).toString('hex');
		this.uploads.set(handle, file);
		return handle;
	}

	take(handle: unknown): StoredFile {
		const file = typeof handle === 'string' ? this.uploads.get(handle) : undefined;
		if (!file)
			throw invalidParameter(
				`No uploaded file has the handle ${String(handle)}; upload the file first (POST /upload)`,
			);
		return file;
	}
}

const PARENT_KEYS: Record<string, string> = {
	PROJ: 'projectID',
	TASK: 'taskID',
	OPTASK: 'opTaskID',
};

/** The part of a DOCU or DOCV create that is about the file; the rest is validated as usual. */
export function splitDocumentInput(
	spec: ObjectSpec,
	input: unknown,
):
	| { fields: Record<string, unknown>; handle?: unknown; fileName?: string; version?: string }
	| undefined {
	if (spec.objCode !== 'DOCU' && spec.objCode !== 'DOCV') return undefined;
	if (!input || typeof input !== 'object' || Array.isArray(input)) return undefined;
	const { handle, currentVersion, fileName, version, ...fields } = input as Record<string, unknown>;
	const versionInfo = (currentVersion ?? {}) as { fileName?: unknown; version?: unknown };
	return {
		fields: spec.objCode === 'DOCV' && fileName !== undefined ? { ...fields, fileName } : fields,
		handle,
		fileName: String(versionInfo.fileName ?? fileName ?? '') || undefined,
		version: String(versionInfo.version ?? version ?? '') || undefined,
	};
}

function addVersion(
	store: ObjectStore,
	files: FileStore,
	document: WfRecord,
	file: StoredFile,
	fileName: string,
	version: string | undefined,
	actorId: string,
): WfRecord {
	const existing = store
		.all('DOCV')
		.filter((candidate) => candidate.documentID === document.ID).length;
	const record = store.insert(
		'DOCV',
		{
			documentID: document.ID,
			fileName,
			version: version ?? String(existing + 1),
			docSize: file.data.length,
			fileType: file.contentType,
		},
		actorId,
	);
	files.versions.set(record.ID, { ...file, fileName });
	store.update(
		document,
		{ currentVersionID: record.ID, downloadURL: `/internal/document/download?ID=${document.ID}` },
		actorId,
	);
	return record;
}

/** Creates a document (DOCU) from an uploaded file, attached to its object, with version 1. */
export function createDocument(
	store: ObjectStore,
	files: FileStore,
	fields: Record<string, unknown>,
	split: NonNullable<ReturnType<typeof splitDocumentInput>>,
	actorId: string,
): WfRecord {
	const docObjCode = String(fields.docObjCode ?? '');
	const objID = String(fields.objID ?? '');
	if (!docObjCode || !objID)
		throw invalidParameter('A document needs docObjCode and objID: the object it is attached to');
	const parentSpec = specFor(docObjCode);
	if (!store.get(parentSpec.objCode, objID))
		throw notFound(`${parentSpec.name} with ID ${objID} was not found`);
	const file = files.take(split.handle);
	const parentKey = PARENT_KEYS[parentSpec.objCode];
	const document = store.insert(
		'DOCU',
		{ ...fields, ...(parentKey ? { [parentKey]: objID } : {}) },
		actorId,
	);
	addVersion(store, files, document, file, split.fileName ?? file.fileName, split.version, actorId);
	files.uploads.delete(String(split.handle));
	return document;
}

/** Adds a new version (DOCV) of an existing document from an uploaded file. */
export function createVersion(
	store: ObjectStore,
	files: FileStore,
	fields: Record<string, unknown>,
	split: NonNullable<ReturnType<typeof splitDocumentInput>>,
	actorId: string,
): WfRecord {
	const document = store.get('DOCU', String(fields.documentID ?? ''));
	if (!document) throw notFound(`Document with ID ${String(fields.documentID)} was not found`);
	const file = files.take(split.handle);
	const version = addVersion(
		store,
		files,
		document,
		file,
		split.fileName ?? String(fields.fileName ?? file.fileName),
		split.version,
		actorId,
	);
	files.uploads.delete(String(split.handle));
	return version;
}
