import type { DemoConversation, DemoPerson } from './demo-data.js';

/**
 * The demo people and conversations, written for this project: what `npm start` shows and what
 * `cruddur-ops db seed` / `ddb seed` load. Fixed uuids, so the two seeds (PostgreSQL users,
 * DynamoDB conversations) agree without either asking the other.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    uuid: '0d6c6a5e-2f4b-4a4e-8c1d-6f1d2b7e9a01',
    handle: 'mira',
    displayName: 'Mira Okafor',
    email: 'mira@cruddur.test',
  },
  {
    uuid: '0d6c6a5e-2f4b-4a4e-8c1d-6f1d2b7e9a02',
    handle: 'tomas',
    displayName: 'Tomás Lindqvist',
    email: 'tomas@cruddur.test',
  },
  {
    uuid: '0d6c6a5e-2f4b-4a4e-8c1d-6f1d2b7e9a03',
    handle: 'ines',
    displayName: 'Inês Duarte',
    email: 'ines@cruddur.test',
  },
  {
    uuid: '0d6c6a5e-2f4b-4a4e-8c1d-6f1d2b7e9a04',
    handle: 'kofi',
    displayName: 'Kofi Mensah',
    email: 'kofi@cruddur.test',
  },
];

type Line = readonly [from: string, text: string];

const conversation = (groupUuid: string, lines: readonly Line[]): DemoConversation => {
  const [first] = lines;
  const second = lines.find(([from]) => from !== first?.[0]);
  if (first === undefined || second === undefined) throw new Error('a demo conversation needs two speakers');
  return {
    groupUuid,
    members: [first[0], second[0]],
    messages: lines.map(([from, text]) => ({ from, text })),
  };
};

/** A long one, so paging shows up in the demo: planning a ridge walk, 34 messages. */
const RIDGE_WALK: readonly Line[] = [
  ['mira', 'Are you still up for the ridge walk on Saturday?'],
  ['tomas', 'Yes! Weather says dry until 3pm.'],
  ['mira', 'Then we should start early. 7:30 at the trailhead?'],
  ['tomas', '7:30 is brutal but fine.'],
  ['mira', 'I will bring coffee, that should help.'],
  ['tomas', 'You are a hero.'],
  ['mira', 'Which route, the north spur or the long loop?'],
  ['tomas', 'Long loop. 19 km, 900 m up.'],
  ['mira', 'My knees have opinions about 900 m.'],
  ['tomas', 'We can cut across at the saddle if they complain.'],
  ['mira', 'Deal. Poles or no poles?'],
  ['tomas', 'Poles. The descent is loose gravel.'],
  ['mira', 'Noted. Lunch at the hut?'],
  ['tomas', 'The hut closes in October, so bring food.'],
  ['mira', 'Sandwiches it is. Any allergies I should know about?'],
  ['tomas', 'None. I eat anything that is not celery.'],
  ['mira', 'Celery-free zone, understood.'],
  ['tomas', 'Should we ask Inês?'],
  ['mira', 'She is at a conference until Sunday.'],
  ['tomas', 'Next time then.'],
  ['mira', 'Parking at the trailhead fills up by 8.'],
  ['tomas', 'Another reason for 7:30. Fine, you win.'],
  ['mira', 'I always win when there is coffee involved.'],
  ['tomas', 'Map check: the loop is marked red after the bridge, right?'],
  ['mira', 'Red until the saddle, then blue down to the lake.'],
  ['tomas', 'Swim at the lake?'],
  ['mira', 'In November? You first.'],
  ['tomas', 'Fair. Hot chocolate at the lake then.'],
  ['mira', 'Now you are talking.'],
  ['tomas', 'Headlamps, in case we are slow?'],
  ['mira', 'Always. Sunset is 16:40.'],
  ['tomas', 'Packed. See you at 7:30.'],
  ['mira', 'See you there! Coffee will be hot.'],
  ['tomas', 'Best message of the week.'],
];

const BOOK_CLUB: readonly Line[] = [
  ['ines', 'Did you finish the book for Thursday?'],
  ['mira', 'Two chapters left. The twist in chapter 9!'],
  ['ines', 'Right?! I did not see it coming.'],
  ['mira', 'I will finish it tonight.'],
  ['ines', 'Thursday at my place, 19:00.'],
];

const PHOTOS: readonly Line[] = [
  ['kofi', 'Sent you the photos from the market.'],
  ['ines', 'They are gorgeous, thank you!'],
];

export const DEMO_CONVERSATIONS: readonly DemoConversation[] = [
  conversation('5b1e0c4a-7d0f-4c55-9a43-3f0a1c2d8e01', RIDGE_WALK),
  conversation('5b1e0c4a-7d0f-4c55-9a43-3f0a1c2d8e02', BOOK_CLUB),
  conversation('5b1e0c4a-7d0f-4c55-9a43-3f0a1c2d8e03', PHOTOS),
];
