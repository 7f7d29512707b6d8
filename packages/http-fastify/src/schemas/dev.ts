import { Type } from 'typebox';
import { Handle } from './common.js';

export const DevTokenBody = Type.Object({ handle: Handle }, { additionalProperties: false });

export const DevTokenJson = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ description: 'Seconds.' }),
  },
  { title: 'DevToken' },
);

export const DevUserList = Type.Array(
  Type.Object({ handle: Type.String(), display_name: Type.String() }, { title: 'DevUser' }),
);

/** A JWKS as the issuer publishes it; the keys are passed through untouched. */
export const JwksJson = Type.Object(
  { keys: Type.Array(Type.Object({}, { additionalProperties: true })) },
  { title: 'Jwks' },
);
