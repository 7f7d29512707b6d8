import { Type } from 'typebox';
import { Handle, Uuid } from './common.js';

export const UserShortParams = Type.Object({ handle: Handle });

export const UserShortJson = Type.Object(
  {
    uuid: Type.Optional({ ...Uuid, description: 'Only for authenticated callers.' }),
    handle: Type.String(),
    display_name: Type.String(),
  },
  { title: 'UserShort' },
);
