import { invalidParameter } from './model/store';

export interface UploadedFile {
	field: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

/** A multipart/form-data body split into its parts; file bytes are views on the body, not copies. */
export function parseMultipart(body: Buffer, contentType: string): UploadedFile[] {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!contentType.toLowerCase().startsWith('multipart/form-data') || !boundary) {
		throw invalidParameter('An upload must be sent as multipart/form-data');
	}
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: UploadedFile[] = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const headerStart = start + delimiter.length + 2;
		const next = body.indexOf(delimiter, headerStart);
		if (next === -1) break;
		const headerEnd = body.indexOf('\r\n\r\n', headerStart);
		if (headerEnd === -1 || headerEnd > next) break;
		const headers = body.subarray(headerStart, headerEnd).toString('utf8');
		const field = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
		parts.push({
			field,
			fileName: /filename="([^"]*)"/i.exec(headers)?.[1],
			contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
			data: body.subarray(headerEnd + 4, next - 2),
		});
		start = next;
	}
	return parts;
}
