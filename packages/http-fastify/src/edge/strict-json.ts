import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { HttpRequestError } from '../error-handler.js';

/**
 * JSON bodies must be valid UTF-8. Fastify's own parser decodes bytes leniently, so `ab\xc3\x28`
 * or an overlong `\xc0\xaf` would become U+FFFD and be stored as text the client never sent.
 * Here the bytes are checked first (`isUtf8` follows WHATWG: overlong forms, lone surrogates
 * encoded in UTF-8 and truncated sequences all fail), then Fastify's parser does the rest
 * (empty bodies, prototype poisoning) as before.
 */
export function useStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new HttpRequestError(400, 'invalid_json', 'The body is not valid UTF-8.'), undefined);
      return;
    }
    parseJson(request, bytes.toString('utf8'), done);
  });
}
