import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { currentObjectCode } from './currentObjectCode';
import { searchRecordsOf } from './recordSearch';

/** Records of the object type chosen in the node, searched by name. */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecordsOf(this, currentObjectCode(this), filter, paginationToken);
}

export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecordsOf(this, 'PROJ', filter, paginationToken);
}

export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecordsOf(this, 'TMPL', filter, paginationToken);
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecordsOf(this, 'USER', filter, paginationToken);
}

export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecordsOf(this, 'DOCU', filter, paginationToken);
}
