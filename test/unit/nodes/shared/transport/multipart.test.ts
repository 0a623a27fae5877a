import FormData from 'form-data';

import {
	isHeaderSafeMimeType,
	multipartFile,
	type FilePart,
} from '../../../../../nodes/shared/transport/multipart';
import { parseMultipart } from '../../../../simulator/multipart';
import { fc, holdsFor, holdsForAsync } from '../../../../support/properties';

/**
 * The upload body is written by the package (no form-data at run time: n8n Cloud allows no runtime
 * dependency). Two parsers it did not write read it back: the platform's own (undici, behind
 * Response.formData(), the WHATWG multipart parser) and the simulator's. form-data keeps one job:
 * the independent encoder the simulator's parser is checked against.
 */

/** What the WHATWG encoding does to a name in a quoted header value. */
const escaped = (name: string) =>
	name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');

/** Bytes that look like parts of a body: boundaries of ours, CRLFs, dashes, anything. */
const fileBytes = fc
	.array(
		fc.oneof(
			fc.uint8Array({ maxLength: 64 }),
			fc.constantFrom('\r\n', '--', '----n8nworkfront', '\r\n--', 'Content-Disposition: '),
		),
		{ maxLength: 12 },
	)
	.map((chunks) =>
		Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk))),
	);

const fileName = fc.oneof(
	fc.string({ minLength: 1, maxLength: 40 }),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
	fc.constantFrom('a"b.txt', 'line\r\nbreak.pdf', 'Überblick – Q3.xlsx', '报告.docx', 'x;y=z.png'),
);

const token = fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,15}$/);
const mimeType = fc.oneof(
	fc.tuple(token, token).map(([type, subtype]) => `${type}/${subtype}`),
	fc.constantFrom('text/plain; charset=utf-8', 'application/vnd.ms-excel', 'image/svg+xml'),
);

const part = fc
	.record({ fileName, mimeType, data: fileBytes })
	.map((value): FilePart => ({ field: 'uploadedFile', ...value }));

describe('the upload body, read back by parsers the package did not write', () => {
	test('the platform parser (undici) reads the same bytes, name and type', async () => {
		await holdsForAsync(
			'multipart body read back by Response.formData()',
			part,
			async (input) => {
				const body = multipartFile(input);
				if (!body) throw new Error('no boundary');
				const form = await new Response(body.body, {
					headers: { 'content-type': body.contentType },
				}).formData();
				const file = form.get('uploadedFile') as File;
				expect(file).toBeInstanceOf(Blob);
				expect(Buffer.from(await file.arrayBuffer()).equals(input.data)).toBe(true);
				// A WHATWG parser undoes the escapes: the name arrives as it was.
				expect(file.name).toBe(input.fileName);
				expect(file.type).toBe(input.mimeType.toLowerCase());
				expect([...form.keys()]).toEqual(['uploadedFile']);
			},
			{ runs: 300 },
		);
	});

	test("the simulator's parser reads the same bytes, name and type", () => {
		holdsFor(
			'multipart body read back by the simulator',
			part,
			(input) => {
				const body = multipartFile(input);
				if (!body) throw new Error('no boundary');
				const parts = parseMultipart(body.body, body.contentType);
				expect(parts).toHaveLength(1);
				expect(parts[0].data.equals(input.data)).toBe(true);
				expect(parts[0].fileName).toBe(escaped(input.fileName));
				expect(parts[0].contentType).toBe(input.mimeType);
			},
			{ runs: 300 },
		);
	});

	test('the body is the file once, between a head and a tail that do not grow with it', () => {
		const small = multipartFile({
			field: 'uploadedFile',
			fileName: 'a',
			mimeType: 'a/b',
			data: Buffer.alloc(1),
		});
		const large = multipartFile({
			field: 'uploadedFile',
			fileName: 'a',
			mimeType: 'a/b',
			data: Buffer.alloc(1024 * 1024),
		});
		expect((large?.body.length ?? 0) - (small?.body.length ?? 0)).toBe(1024 * 1024 - 1);
	});
});

describe("the simulator's parser against an independent encoder (form-data)", () => {
	test('reads what form-data writes', () => {
		holdsFor(
			'form-data body read back by the simulator',
			fc.record({
				// form-data writes names unescaped: names without quotes or line breaks.
				fileName: fc
					.string({ minLength: 1, maxLength: 30 })
					.filter((name) => !/["\r\n/\\]/.test(name)),
				mimeType,
				data: fileBytes,
			}),
			({ fileName: name, mimeType: type, data }) => {
				const form = new FormData();
				form.append('uploadedFile', data, { filename: name, contentType: type });
				const parts = parseMultipart(form.getBuffer(), form.getHeaders()['content-type']);
				expect(parts).toHaveLength(1);
				expect(parts[0]).toMatchObject({
					field: 'uploadedFile',
					fileName: name,
					contentType: type,
				});
				expect(parts[0].data.equals(data)).toBe(true);
			},
			{ runs: 300 },
		);
	});
});

describe('any MIME type the check accepts keeps the body whole', () => {
	test('accepted types, however odd, never change what the parsers read', async () => {
		let accepted = 0;
		await holdsForAsync(
			'accepted MIME types keep the file intact',
			fc.record({
				mimeType: fc.oneof(
					fc.string({ maxLength: 30 }),
					fc
						.tuple(token, token, fc.string({ maxLength: 20 }))
						.map(([a, b, rest]) => `${a}/${b};${rest}`),
					fc
						.tuple(
							token,
							fc.constantFrom('\r\n', '\n', '\r', '\u000b', '\f', '\t', '\u0000'),
							fc.string({ maxLength: 10 }),
						)
						.map(([a, control, rest]) => `${a}/x${control};${rest}`),
				),
				data: fileBytes,
			}),
			async ({ mimeType: type, data }) => {
				// eslint-disable-next-line no-control-regex -- a control character is what is looked for
				if (/[\u0000-\u001f\u007f]/.test(type)) expect(isHeaderSafeMimeType(type)).toBe(false);
				if (!isHeaderSafeMimeType(type)) return;
				accepted += 1;
				const body = multipartFile({
					field: 'uploadedFile',
					fileName: 'f.bin',
					mimeType: type,
					data,
				});
				if (!body) throw new Error('no boundary');
				const parts = parseMultipart(body.body, body.contentType);
				expect(parts).toHaveLength(1);
				expect(parts[0].data.equals(data)).toBe(true);
				const form = await new Response(body.body, {
					headers: { 'content-type': body.contentType },
				}).formData();
				const file = form.get('uploadedFile') as File;
				expect(Buffer.from(await file.arrayBuffer()).equals(data)).toBe(true);
			},
			{ runs: 300 },
		);
		expect(accepted).toBeGreaterThan(20);
	});
});

describe('bounds and refusals', () => {
	test('a boundary that occurs in the file is never used; after 4 such draws there is no body', () => {
		const drawn = Buffer.alloc(16, 7);
		const data = Buffer.from(`x----n8nworkfront${drawn.toString('hex')}y`);
		let draws = 0;
		const draw = () => {
			draws += 1;
			return drawn;
		};
		expect(
			multipartFile({ field: 'f', fileName: 'a', mimeType: 'a/b', data }, draw),
		).toBeUndefined();
		expect(draws).toBe(4);
		let second = 0;
		const body = multipartFile({ field: 'f', fileName: 'a', mimeType: 'a/b', data }, () => {
			second += 1;
			return second === 1 ? drawn : Buffer.alloc(16, 8);
		});
		expect(body?.contentType).toBe(
			`multipart/form-data; boundary=----n8nworkfront${'08'.repeat(16)}`,
		);
	});

	test.each([
		['text/plain', true],
		['application/vnd.openxmlformats-officedocument.wordprocessingml.document', true],
		['text/plain; charset=utf-8', true],
		['text/plain\r\nX-Injected: 1', false],
		['text/plain; charset=utf-8\nX: 1', false],
		['', false],
		['plain', false],
		['text/plain\u0000', false],
		// Found by an outside review: `\s` let these through, and CRLFCRLF ended the part's headers
		// early, so the file was stored with the rest of the MIME type in front of it.
		['text/plain\r\n\r\n;junk', false],
		['text/plain\n;a', false],
		['text/plain\u000b\f;a', false],
		['text/plain\r\n ;a', false],
		['text/plain;\tcharset=utf-8', false],
	])('MIME type %j is one header value: %s', (type, safe) => {
		expect(isHeaderSafeMimeType(type)).toBe(safe);
	});
});
