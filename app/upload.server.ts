import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node';

/** Pieces the multipart parser is fed: a socket gives at most 64 KB at a time; so do we. */
const CHUNK_BYTES = 64 * 1024;

export type Upload = { form: FormData } | { error: 'too-large' | 'malformed' };

/**
 * Reads a multipart upload into memory, each part at most `maxPartSize` bytes.
 *
 * Remix's multipart parser (@web3-storage/multipart-parser) spreads every line of a chunk into
 * one function call, so a single chunk of a few hundred thousand CRLF lines overflows the stack
 * (a body handed over whole, as fetch Requests can be); the body is fed to it in socket-sized
 * pieces. A body that is not well-formed multipart (cut off, no closing boundary) is
 * 'malformed', not an exception out of the action.
 */
export async function readUpload(request: Request, maxPartSize: number): Promise<Upload> {
  try {
    const form = await unstable_parseMultipartFormData(rechunked(request), unstable_createMemoryUploadHandler({ maxPartSize }));
    return { form };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { error: 'too-large' };
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

function rechunked(request: Request): Request {
  if (!request.body) return request;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        for (let at = 0; at < chunk.length; at += CHUNK_BYTES) controller.enqueue(chunk.subarray(at, at + CHUNK_BYTES));
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal, duplex: 'half' } as RequestInit);
}
