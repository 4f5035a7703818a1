import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { createUserSession } from '~/auth.server';
import { createUser } from '~/models/user.server';
import type { Role } from '~/domain/permissions';
import type { User } from '../db/schema';

export const BASE = 'http://localhost:3000';
export const TEST_PASSWORD = 'test-password-123';

let counter = 0;

/** A user of the given role, linked to the given owner ids. */
export async function makeUser(role: Role, ownerIds: number[] = []): Promise<User> {
  counter += 1;
  return createUser({ email: `${role}${counter}@test.bg`, name: `${role} ${counter}`, role, password: TEST_PASSWORD, ownerIds });
}

/** The cookie a browser would carry after this user signed in. */
export async function sessionCookie(user: User): Promise<string> {
  const response = await createUserSession(new Request(`${BASE}/login`), user.id, '/');
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}

type RequestOptions = { user?: User; form?: Record<string, string | string[]> | FormData; method?: string; headers?: Record<string, string> };

/** A Request as the browser would send it: same-origin, signed in when a user is given. */
export async function makeRequest(pathname: string, options: RequestOptions = {}): Promise<Request> {
  const headers = new Headers(options.headers);
  if (options.user) headers.set('Cookie', await sessionCookie(options.user));
  // A plain object is sent url-encoded like an ordinary <form>; FormData as multipart, like a file upload.
  let body: FormData | URLSearchParams | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
  }
  const method = options.method ?? (body ? 'POST' : 'GET');
  if (method !== 'GET' && !headers.has('Origin')) headers.set('Origin', BASE);
  return new Request(`${BASE}${pathname}`, { method, headers, body });
}

type Args = LoaderFunctionArgs & ActionFunctionArgs;

export function args(request: Request, params: Record<string, string> = {}): Args {
  return { request, params, context: {} } as Args;
}

/** Runs a loader or action and returns its Response, whether returned or thrown. */
export async function call(fn: (a: Args) => unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await fn(args(request, params));
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
