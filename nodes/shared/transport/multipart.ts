import { randomBytes } from 'node:crypto';

/**
 * A multipart/form-data body with one file part, written here rather than by a library: n8n Cloud
 * allows no runtime dependency, and the platform's FormData can only be turned into bytes through
 * a stream API that community nodes may not import. The body is one Buffer (the file's bytes
 * copied once, after a few hundred bytes of headers), so a retry or a redirect can send it again.
 *
 * The part is written as the WHATWG HTML standard's multipart/form-data encoding writes it (and as
 * RFC 7578 allows): `Content-Disposition: form-data; name="…"; filename="…"`, the names as UTF-8
 * with `"`, CR and LF escaped as %22, %0D, %0A, then `Content-Type`. Workfront's upload endpoint
 * takes the file in the part named `uploadedFile` (Adobe, "Upload documents via the API").
 */
export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

export interface FilePart {
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** How many boundaries are drawn at most before giving up: each is 128 random bits. */
const BOUNDARY_DRAWS = 4;

/** The standard's escape for a name in a quoted header value. */
function quotedName(name: string): string {
	return name.replace(/[\n\r"]/g, (character) =>
		character === '\n' ? '%0A' : character === '\r' ? '%0D' : '%22',
	);
}

/** A MIME type is one header value: `type/subtype` and parameters, no line breaks or controls. */
export function isHeaderSafeMimeType(mimeType: string): boolean {
	// No control character anywhere (CR, LF, VT, FF end or bend a header; `\s` would let them in).
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(mimeType)) return false;
	return /^[\w.+-]+\/[\w.+-]+( *;.*)?$/.test(mimeType);
}

/** A boundary that occurs nowhere in the file: searching for it is one linear pass per draw. */
function boundaryFor(data: Buffer, draw: () => Buffer): string | undefined {
	for (let attempt = 0; attempt < BOUNDARY_DRAWS; attempt += 1) {
		// Lower case only: a boundary is case-sensitive (RFC 2046, 5.1.1), and this one survives
		// whatever on the way folds the header's case.
		const boundary = `----n8nworkfront${draw().toString('hex')}`;
		if (!data.includes(boundary)) return boundary;
	}
	return undefined;
}

/**
 * The body, or undefined when every boundary drawn occurs in the file (with 128 random bits each,
 * only a file built to hold them; `draw` is there for the test that builds one).
 */
export function multipartFile(
	part: FilePart,
	draw: () => Buffer = () => randomBytes(16),
): MultipartBody | undefined {
	const boundary = boundaryFor(part.data, draw);
	if (boundary === undefined) return undefined;
	const head = Buffer.from(
		`--${boundary}\r\n` +
			`Content-Disposition: form-data; name="${quotedName(part.field)}"; filename="${quotedName(part.fileName)}"\r\n` +
			`Content-Type: ${part.mimeType}\r\n\r\n`,
		'utf8',
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
	return {
		body: Buffer.concat([head, part.data, tail], head.length + part.data.length + tail.length),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
