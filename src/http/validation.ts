import AjvModule from 'ajv';
import formatsModule from 'ajv-formats';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * How requests are checked 入参校验. A typo must never silently give coupons away, so:
 * - every object in a request schema refuses the properties it does not name (at every depth),
 *   unless the schema says otherwise: `{"per_member_limt": 1}` is a 422 naming the field, not `{}`;
 * - bodies are never coerced: a number is a JSON number, a boolean is not one, `"5e2"` is a string;
 *   query strings and path parameters are text by nature and are converted to their types;
 * - JSON nesting is bounded, and no string anywhere may hold a NUL or a lone surrogate (PostgreSQL
 *   stores neither); each is a 4xx naming the field, before any work is done.
 */
const Ajv = (AjvModule as any).default ?? AjvModule;
const addFormats = (formatsModule as any).default ?? formatsModule;

const common = { useDefaults: true, removeAdditional: false, allErrors: false, strict: false, addUsedSchema: false };
const forBody = addFormats(new Ajv({ ...common, coerceTypes: false }));
const forText = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

/** A copy of a request schema in which every object without its own `additionalProperties` refuses unknown ones. */
export function closeObjects(schema: unknown, path = '$'): unknown {
  if (Array.isArray(schema)) return schema.map((s, i) => closeObjects(s, `${path}[${i}]`));
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v as object).map(([name, sub]) => [name, closeObjects(sub, `${path}.${name}`)]));
    } else if (['items', 'anyOf', 'oneOf', 'not', 'additionalProperties', 'prefixItems'].includes(k)) {
      out[k] = closeObjects(v, `${path}.${k}`);
    } else if (k === 'allOf') {
      // closed objects inside allOf would refuse each other's fields: a request schema is one object
      throw new Error(`request schema at ${path} uses allOf; write it as one object (ListQuery, Type.Object with spread fields)`);
    } else out[k] = v;
  }
  if (s.type === 'object' && s.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/**
 * Fastify's validator compiler: bodies strict and uncoerced; query strings, params and headers converted from text.
 * Each distinct schema is compiled once per process, when a request first needs it: routes repeat the same
 * pieces, and compiling all of them at start-up was most of an app's start (each test file starts one).
 */
export function validatorCompiler({ schema, httpPart }: { schema: unknown; httpPart?: string }) {
  const part = httpPart === 'headers' ? 'headers' : httpPart === 'body' ? 'body' : 'text';
  const key = `${part}\0${JSON.stringify(schema)}`;
  return onFirstUse(compiled, key, () => (part === 'headers' ? forText.compile(schema) : (part === 'body' ? forBody : forText).compile(closeObjects(schema))));
}
const compiled = new Map<string, Validate>();

/** Compile-on-first-use steps not yet forced; `compileSchemasNow` forces them (a server at start-up, a test). */
export const notCompiled: (() => unknown)[] = [];
/** Compiles every request and response schema of the apps built so far: a broken schema fails here, not at a first request. */
export function compileSchemasNow() {
  for (const compile of notCompiled.splice(0)) compile();
}
type Validate = ((data: unknown) => boolean) & { errors?: unknown };

/** A validator that compiles (or finds in `cache`) the real one on its first call, and carries its `errors` as Fastify reads them. */
function onFirstUse(cache: Map<string, Validate>, key: string, compile: () => Validate): Validate {
  const get = () => {
    let real = cache.get(key);
    if (!real) {
      real = compile();
      cache.set(key, real);
    }
    return real;
  };
  notCompiled.push(get);
  const lazy: Validate = (data) => {
    const real = get();
    const ok = real(data);
    lazy.errors = real.errors;
    return ok;
  };
  return lazy;
}

export const MAX_DEPTH = 32;

/** True when the JSON text nests objects/arrays deeper than `max` (a linear scan, before JSON.parse builds anything). */
export function nestsDeeper(text: string, max = MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

// a NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (value or key) that PostgreSQL could not store, or null. */
export function badStringAt(v: unknown, path: string, depth = 0): string | null {
  if (typeof v === 'string') return BAD_TEXT.test(v) ? path : null;
  if (!v || typeof v !== 'object' || depth > MAX_DEPTH + 2) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const at = badStringAt(v[i], `${path}.${i}`, depth + 1);
      if (at) return at;
    }
    return null;
  }
  for (const [k, x] of Object.entries(v)) {
    if (BAD_TEXT.test(k)) return `${path}.${k.replace(BAD_TEXT, '?')}`;
    const at = badStringAt(x, `${path}.${k}`, depth + 1);
    if (at) return at;
  }
  return null;
}

function refuseBadText(field: string): never {
  const reason = 'contains a NUL character or a broken Unicode sequence';
  throw new AppError(400, 'VALIDATION_FAILED', `${field}: ${reason}`, { errors: [{ field, reason }] });
}

/** Installs the compiler, the bounded JSON parser and the text check on an app. */
export function installValidation(app: FastifyInstance) {
  app.setValidatorCompiler(validatorCompiler as any);
  // A POST with no body (or an empty JSON body) is an empty object: `POST /cards/:id/freeze` needs nothing
  // more, and routes that do need fields then name the missing ones.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = (body as string).trim();
    if (!text) return done(null, {});
    if (nestsDeeper(text)) {
      return done(
        Object.assign(new Error(`the body nests deeper than ${MAX_DEPTH} levels`), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
        undefined,
      );
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (req.body === undefined && (req.method === 'POST' || req.method === 'PATCH')) req.body = {};
    const at = badStringAt(req.params, 'params') ?? badStringAt(req.query, 'querystring') ?? badStringAt(req.body, 'body');
    if (at) refuseBadText(at);
  });
}
