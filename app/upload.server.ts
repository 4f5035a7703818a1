import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node';

/**
 * Reading request bodies, each capped while it streams in, whether or not a Content-Length is
 * sent: an ordinary form at MAX_FORM_BYTES, an upload at its file limit plus room for the
 * other fields. Every action reads its body here, never with request.formData() itself.
 */

/** Largest url-encoded form: the longest field (a text of 4,000 characters, 6 bytes each encoded) and the rest. */
export const MAX_FORM_BYTES = 64 * 1024;
/** Room for the other fields of a multipart form around its file. */
const FORM_OVERHEAD_BYTES = 256 * 1024;
/** Pieces the multipart parser is fed: a socket gives at most 64 KB at a time; so do we. */
const CHUNK_BYTES = 64 * 1024;

class BodyTooLargeError extends Error {}

/** The answer to a body over its cap; the connection is closed after it rather than read to its end. */
function tooLarge(): Response {
  return new Response('Request body too large', { status: 413, headers: { Connection: 'close', 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * An url-encoded (or small multipart) form of at most maxBytes; a larger body is answered 413
 * (thrown Response) as soon as it passes the cap, a body that is not a form 400.
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  try {
    return await capped(request, maxBytes).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError || (error instanceof Error && error.cause instanceof BodyTooLargeError)) throw tooLarge();
    throw new Response('The form could not be read', { status: 400 });
  }
}

export type Upload = { form: FormData } | { error: 'too-large' | 'malformed' };

/**
 * Reads a multipart upload into memory, each part at most `maxPartSize` bytes and the whole
 * body at most that and FORM_OVERHEAD_BYTES.
 *
 * Remix's multipart parser (@web3-storage/multipart-parser) spreads every line of a chunk into
 * one function call, so a single chunk of a few hundred thousand CRLF lines overflows the stack
 * (a body handed over whole, as fetch Requests can be); the body is fed to it in socket-sized
 * pieces. A body that is not well-formed multipart (cut off, no closing boundary) is
 * 'malformed', not an exception out of the action.
 */
export async function readUpload(request: Request, maxPartSize: number): Promise<Upload> {
  try {
    const form = await unstable_parseMultipartFormData(capped(request, maxPartSize + FORM_OVERHEAD_BYTES), unstable_createMemoryUploadHandler({ maxPartSize }));
    return { form };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || error instanceof BodyTooLargeError) return { error: 'too-large' };
    // The parser's own messages: "malformed multipart-form data: unexpected end of stream", "malformed content-disposition header: ..."
    if (error instanceof Error && (error.message.startsWith('malformed ') || error.message === 'Could not parse content as FormData.')) {
      return { error: 'malformed' };
    }
    throw error;
  }
}

/**
 * The file a form's file input sent, or null when none was chosen: a browser then sends an
 * empty part without a file name. A chosen file of 0 bytes keeps its name, so that the answer
 * can say "this file is empty" rather than "choose a file".
 */
export function chosenFile(value: FormDataEntryValue | null): File | null {
  return value instanceof File && (value.name !== '' || value.size > 0) ? value : null;
}

/**
 * The request with a body that fails with BodyTooLargeError once more than maxBytes have come
 * (at once when the Content-Length says so), handed on in pieces of at most CHUNK_BYTES.
 * Past the cap the original body is left unread rather than cancelled: cancelling it would
 * destroy the connection before the 413 could be sent.
 */
function capped(request: Request, maxBytes: number): Request {
  const declared = request.headers.get('Content-Length');
  if (!request.body) return request;
  const reader = request.body.getReader();
  let received = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (declared !== null && Number(declared) > maxBytes) return fail(controller);
        const { done, value } = await reader.read();
        if (done) return controller.close();
        received += value.length;
        if (received > maxBytes) return fail(controller);
        for (let at = 0; at < value.length; at += CHUNK_BYTES) controller.enqueue(value.subarray(at, at + CHUNK_BYTES));
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    reader.releaseLock();
    controller.error(new BodyTooLargeError(`Request body over ${maxBytes} bytes`));
  };
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal, duplex: 'half' } as RequestInit);
}
