/** Demo people and conversations written for this project (loaded in embedded and memory mode). */
export const DEMO_USERS = [
  { handle: 'mira', displayName: 'Mira Okafor', email: 'mira@cruddur.test' },
  { handle: 'tomas', displayName: 'Tomás Lindqvist', email: 'tomas@cruddur.test' },
  { handle: 'ines', displayName: 'Inês Duarte', email: 'ines@cruddur.test' },
  { handle: 'kofi', displayName: 'Kofi Mensah', email: 'kofi@cruddur.test' },
] as const;

export type DemoHandle = (typeof DEMO_USERS)[number]['handle'];

/** A long one, so paging shows up in the demo: planning a ridge walk, 34 messages. */
const RIDGE_WALK: ReadonlyArray<readonly [DemoHandle, string]> = [
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

const BOOK_CLUB: ReadonlyArray<readonly [DemoHandle, string]> = [
  ['ines', 'Did you finish the book for Thursday?'],
  ['mira', 'Two chapters left. The twist in chapter 9!'],
  ['ines', 'Right?! I did not see it coming.'],
  ['mira', 'I will finish it tonight.'],
  ['ines', 'Thursday at my place, 19:00.'],
];

const PHOTOS: ReadonlyArray<readonly [DemoHandle, string]> = [
  ['kofi', 'Sent you the photos from the market.'],
  ['ines', 'They are gorgeous, thank you!'],
];

export const DEMO_CONVERSATIONS = [RIDGE_WALK, BOOK_CLUB, PHOTOS] as const;
