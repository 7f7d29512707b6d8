import { DEMO_CONVERSATIONS, DEMO_PEOPLE } from '@cruddur/core/demo';
import type { SeedData } from './seed-data.js';

/** The demo set `npm start` shows (`@cruddur/core/demo`), as seed data: fixed uuids, generated times. */
export const DEMO_SEED: SeedData = { users: DEMO_PEOPLE, conversations: DEMO_CONVERSATIONS };
